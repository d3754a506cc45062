// Errors carry a stable code (tests assert on it), a message a person can act on,
// and context: which source, which URL (never with secrets), which file or line.
export interface ErrorContext {
  source?: string;
  url?: string;
  file?: string;
  line?: number;
  series?: string;
  date?: string;
  [key: string]: unknown;
}

export class PipelineError extends Error {
  readonly code: string;
  readonly context: ErrorContext;

  constructor(code: string, message: string, context: ErrorContext = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PipelineError';
    this.code = code;
    this.context = context;
  }

  /** One line for logs and run summaries: code, message, then where. */
  describe(): string {
    const where = Object.entries(this.context)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ');
    return `[${this.code}] ${this.message}${where ? ` (${where})` : ''}`;
  }
}

export function asPipelineError(err: unknown, fallbackCode: string, context: ErrorContext = {}): PipelineError {
  if (err instanceof PipelineError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new PipelineError(fallbackCode, message, context, { cause: err });
}
