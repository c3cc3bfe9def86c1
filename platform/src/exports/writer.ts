export type ExportRow = Record<string, unknown>;

/** Where export bytes go; `write` resolves once the receiver can take more (back-pressure). */
export interface ByteSink {
  write(chunk: string | Uint8Array): Promise<void>;
}

/** Writes one format: a header, batches of rows, a trailer. Memory is bounded by one batch. */
export interface FormatWriter {
  begin(): Promise<void>;
  rows(batch: ExportRow[]): Promise<void>;
  end(): Promise<void>;
}
