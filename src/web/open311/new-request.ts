import { cleanText, MAX_CLASSIFIED_CHARS } from '../../text/clean-text.js';
import { open311Replies as say } from './replies.js';
import { isServiceCode, type ServiceCode } from './services.js';

/** A description longer than what the classifier reads of a message is refused, not cut. */
export const MAX_DESCRIPTION_CHARS = MAX_CLASSIFIED_CHARS;
export const MAX_ADDRESS_CHARS = 200;

/**
 * A request a client files (`POST requests`): the category, the description and where. Personal fields
 * GeoReport allows (first_name, last_name, phone, email, device_id, account_id) are not kept: the reporter
 * is the API client.
 */
export type NewServiceRequest = {
  code: ServiceCode;
  description: string;
  address: string | null;
  coordinates: { lat: number; long: number } | null;
};

export type NewRequestResult = { success: true; data: NewServiceRequest } | { success: false; error: string };

const chars = (text: string) => [...text].length;

/** Validates the fields of a filed request; the first problem is the error. */
export function parseNewRequest(fields: Readonly<Record<string, string>>): NewRequestResult {
  const code = (fields.service_code ?? '').trim();
  if (!isServiceCode(code)) {
    return { success: false, error: say.unknownService(code) };
  }
  const description = cleanText(fields.description ?? '').trim();
  if (description === '') {
    return { success: false, error: say.noDescription() };
  }
  if (chars(description) > MAX_DESCRIPTION_CHARS) {
    return { success: false, error: say.descriptionTooLong(MAX_DESCRIPTION_CHARS) };
  }
  const address = cleanText(fields.address_string ?? '').trim();
  if (chars(address) > MAX_ADDRESS_CHARS) {
    return { success: false, error: say.addressTooLong(MAX_ADDRESS_CHARS) };
  }
  const coordinates = coordinatesOf(fields.lat, fields.long);
  if (coordinates === 'invalid') {
    return { success: false, error: say.badCoordinates() };
  }
  if (address === '' && coordinates === null) {
    return { success: false, error: say.noLocation() };
  }
  return { success: true, data: { code, description, address: address || null, coordinates } };
}

function coordinatesOf(
  lat: string | undefined,
  long: string | undefined,
): { lat: number; long: number } | null | 'invalid' {
  const given = (v: string | undefined) => v !== undefined && v.trim() !== '';
  if (!given(lat) && !given(long)) {
    return null;
  }
  const la = Number(lat);
  const lo = Number(long);
  const valid =
    given(lat) &&
    given(long) &&
    Number.isFinite(la) &&
    Number.isFinite(lo) &&
    Math.abs(la) <= 90 &&
    Math.abs(lo) <= 180;
  return valid ? { lat: la, long: lo } : 'invalid';
}
