// A local fake of Microsoft Teams for tests: the Bot Connector REST API the bot calls, the identity
// provider botbuilder checks inbound tokens against and gets outbound tokens from, and builders for
// what Teams posts to the bot. Runs the unmodified botbuilder stack against loopback only.
export { FakeConnector, shownActivity, startFakeConnector } from './fake.ts';
export {
  BOTFRAMEWORK_TENANT,
  CONNECTOR_SCOPE,
  FakeIdentityProvider,
  type ChannelTokenOptions,
  type FakeIdentity,
} from './identity.ts';
export { loopbackNetworkClient, type MsalTraffic } from './credentials.ts';
export { guardLoopback, type BlockedConnection, type LoopbackGuard } from './loopback-guard.ts';
export {
  conversationUpdate,
  installationUpdate,
  invokeActivity,
  messageActivity,
  postActivity,
  botAccountId,
  type ActivityBase,
  type ConversationInput,
  type ConversationUpdateOptions,
  type InstallationUpdateOptions,
  type InvokeOptions,
  type MessageOptions,
} from './activities.ts';
export type {
  ConnectorFailure,
  ConversationRef,
  ConversationType,
  FailableOp,
  FakeApp,
  FakeConversation,
  FakeRequest,
  FakeTeamsMember,
  RecordedActivity,
  RecordedOp,
} from './types.ts';
