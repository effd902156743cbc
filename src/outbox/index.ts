/** The persistent, rate-limited, retrying sender of every proactive message. */
export {
  createOutboxRepository,
  type OutboxMessage,
  type OutboxRepository,
  type UndeliveredMessage,
} from './outbox.repository.js';
export { outboxFeature } from './outbox.feature.js';
export {
  createOutboxSender,
  type OutboxSender,
  type OutboxSenderOptions,
} from './outbox.sender.js';
export {
  createBotFrameworkTransport,
  DeliveryError,
  type CreatedConversation,
  type DeliveryTarget,
  type Transport,
} from './proactive.transport.js';
