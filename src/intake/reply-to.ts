/** Intake's names for the shared addressing helpers. */
export {
  answerTo as answer,
  asEmergency,
  noticeAbout as ticketNotice,
  noticeTo as notice,
  privateTo as privately,
  toReporter,
} from '../outbox/address.js';
