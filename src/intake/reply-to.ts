/** Intake's names for the shared addressing helpers. */
export {
  answerTo as answer,
  asEmergency,
  noticeAbout as ticketNotice,
  noticeTo as notice,
  privateTo as privately,
  toReporter,
  toReporters,
} from '../outbox/address.js';
