/**
 * Documents are named by URIs on the wire and by file paths everywhere
 * else. The conversion happens here only. URIs are written the way VS Code
 * writes them (`vscode-uri`), and a document the client opened keeps the
 * URI the client gave it, so that its replies name the same document even
 * when another client encodes differently.
 */
import { URI } from 'vscode-uri';

export function pathOf(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}

export function uriOf(path: string): string {
  return URI.file(path).toString();
}
