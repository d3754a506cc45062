// Checks every connector makes before trusting a body: not HTML (providers answer errors and
// block pages as HTML with status 200), well-formed JSON or XML, with the line that broke.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PipelineError, type ErrorContext } from '../../domain/errors.ts';

export function assertNotHtml(body: Buffer, contentType: string | undefined, ctx: ErrorContext): void {
  const head = body.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
  if ((contentType ?? '').toLowerCase().includes('text/html') || head.startsWith('<!doctype html') || head.startsWith('<html')) {
    const title = /<title>([^<]{0,120})<\/title>/i.exec(body.subarray(0, 4096).toString('utf8'))?.[1]?.trim();
    throw new PipelineError(
      'HTML_INSTEAD_OF_DATA',
      `answer is an HTML page${title ? ` titled "${title}"` : ''}, not data (an error, maintenance or block page)`,
      ctx,
    );
  }
}

export function assertNotEmpty(body: Buffer, ctx: ErrorContext): void {
  if (body.byteLength === 0) throw new PipelineError('EMPTY_BODY', 'answer body is empty', ctx);
}

export function parseJsonBody(body: Buffer, ctx: ErrorContext): unknown {
  assertNotEmpty(body, ctx);
  const text = body.toString('utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new PipelineError(
      'BAD_JSON',
      `answer is not valid JSON (${(err as Error).message}); ${body.byteLength} bytes received, possibly truncated`,
      ctx,
    );
  }
}

/** The body as text, once it is known to be well-formed XML (else a BAD_XML error with the line). */
export function assertWellFormedXml(body: Buffer, ctx: ErrorContext): string {
  assertNotEmpty(body, ctx);
  const text = body.toString('utf8');
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new PipelineError(
      'BAD_XML',
      `answer is not well-formed XML: ${valid.err.msg} at line ${valid.err.line}; ${body.byteLength} bytes received, possibly truncated`,
      { ...ctx, line: valid.err.line },
    );
  }
  return text;
}

export function parseXmlBody(body: Buffer, ctx: ErrorContext, parserOptions: ConstructorParameters<typeof XMLParser>[0]): Record<string, unknown> {
  return new XMLParser(parserOptions).parse(assertWellFormedXml(body, ctx)) as Record<string, unknown>;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
