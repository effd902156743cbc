/** The persistent, rate-limited, retrying sender of every proactive message. */
export {
  createOutboxRepository,
  type OutboxMessage,
  type OutboxRepository,
} from './outbox.repository.js';
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
