// The core's public surface for adapters, the store and the composition root.
export * from './model/domain.ts';
export * from './model/messages.ts';
export * from './model/events.ts';
export * from './ports.ts';
export type { PeopleStore, Preferences } from './people/model.ts';
export type { RoleStore } from './people/roles-model.ts';
export type { GroupStore, NewGroup } from './groups/model.ts';
export type { AnswerInput, AttendanceHistory, CheckinAnswer, CheckinStore, RoundContext, TakeawayNote } from './checkins/model.ts';
export type { ToolSessionRecord, ToolSessionStatus, ToolStore } from './tools/model.ts';
export * from './errors.ts';
export { createLederrum, type Intent, type Lederrum } from './lederrum.ts';
export type { CoreDeps } from './context.ts';
export { translate, translator, listNames } from './i18n/translate.ts';
export { catalogue, type MessageKey } from './i18n/catalogue.ts';
export { parseCommand } from './features.ts';
export type { PendingRemoval, RemovalTarget } from './people/retention-model.ts';
export { RETENTION_SCHEDULE } from './people/retention.ts';
export { fanOutReport, undeliveredReason, type FanOutOutcome, type Undelivered } from './fan-out.ts';
