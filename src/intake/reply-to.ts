/** Intake's names for the shared addressing helpers. */
export { answerTo as answer, privateTo as privately } from '../outbox/address.js';
