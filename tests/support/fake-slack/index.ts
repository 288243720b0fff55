// A local fake of Slack for tests: the Web API and Socket Mode as the real SDKs speak them,
// plus signed requests and payload builders for what Slack sends into the app.
export { FakeSlack, startFakeSlack } from './fake.ts';
export type { FakeSlackFile } from './files.ts';
export { RateLimiter, SLACK_RATE_LIMITS, TIERS, floorMs, scaledLimits, tier, type Limit, type RateLimitRules } from './rate-limits.ts';
export type { SocketAck, SocketEnvelope, FakeSocketMode } from './socket.ts';
export type {
  Failure,
  FakeSlackAuthorization,
  FakeSlackCall,
  FakeSlackChannel,
  FakeSlackEphemeral,
  FakeSlackMessage,
  FakeSlackShown,
  FakeSlackTeam,
  FakeSlackUser,
  FakeSlackView,
  ResponseUrlOwner,
} from './types.ts';
export { postSigned, signSlackRequest, type SignedResponse, type SlackSignatureHeaders } from './signing.ts';
export {
  APP_ID,
  VERIFICATION_TOKEN,
  blockAction,
  eventCallback,
  slashCommand,
  urlVerification,
  viewSubmission,
  type BlockActionPayload,
  type EventCallback,
  type TeamRef,
  type UserRef,
  type ViewSubmissionPayload,
} from './payloads.ts';
export { inputValues, type Answer, type ElementState, type StateValues } from './input-values.ts';
export { blockSuggestion, globalShortcut, messageShortcut, otherViewSubmission, viewClosed } from './other-payloads.ts';
