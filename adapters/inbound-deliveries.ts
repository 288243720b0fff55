// The adapters' port for deliveries a platform may repeat (a Slack event retried after a slow
// answer, a Teams activity resent): declared here, beside the adapters that ask it, and
// implemented on the database by src/store/inbound-deliveries.ts, so it holds across replicas.

export interface InboundDeliveries {
  /** True for the first delivery of (platform, key); false for every repeat. */
  first(platform: string, key: string, at: Date): Promise<boolean>;
}
