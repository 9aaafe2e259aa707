import { PipePilotError } from '../errors.js';

/**
 * A request the server refuses: the HTTP status, and the field at fault (a feature column, or a
 * part of the body such as `records` or `dataframe_split.columns`) so a client can fix it.
 */
export class RequestError extends PipePilotError {
  readonly status: number;
  readonly field?: string;
  constructor(status: number, message: string, fields: { field?: string; hint?: string } = {}) {
    super(message, { hint: fields.hint });
    this.status = status;
    this.field = fields.field;
  }
}
