/**
 * What the page says about its search, as pure functions of what it shows: the status line
 * (`role="status"`), the note on what the query limits cut, and which message explains a failure.
 */
import type { Manifest } from '../../lib/search/format/index-format.ts';
import { MAX_QUERY_CHARS, MAX_QUERY_CLAUSES } from '../../lib/search/query/query-caps.ts';
import type { Messages } from '../i18n/i18n.ts';
import { WorkerRequestError } from '../client/worker-client.ts';
import type { SearchAnswer, WorkerFailure } from '../../protocol/worker-protocol.ts';
import type { ErrorMessage } from './types.ts';

/** What the status line is made from. */
export interface StatusInputs {
  answer: SearchAnswer | null;
  manifest: Manifest | null;
  indexStatus: 'loading' | 'ready' | 'error';
  isSearching: boolean;
  /** The answer shown was made from the manifest, not by the worker. */
  isManifestListing: boolean;
  /** Words typed or a filter set (not the bare listing). */
  isQuery: boolean;
  /** The search itself failed (its error notice is shown). */
  searchFailed: boolean;
}

/** True while `answer` covers only the newest articles (a progressive search goes on). */
export function isPartialAnswer(answer: SearchAnswer | null): boolean {
  const searched = answer?.searched;
  return searched !== undefined && searched.articles < searched.of;
}

/**
 * The status line: the number of results as digits (or what the page is waiting for).
 *
 * @example statusText({ answer: null, manifest: null, indexStatus: 'loading', ... }, t) // t.loading(t.loadingManifest)
 */
export function statusText(inputs: StatusInputs, t: Messages): string {
  const { answer, manifest, isQuery } = inputs;
  // The search failed: the error notice says what happened; no count or promise here.
  if (inputs.searchFailed) return '';
  // A query typed while the page still lists the manifest's newest (the index has not answered
  // anything yet): say it will run, rather than show the listing's count as if it were its own.
  if (answer && inputs.isSearching && inputs.isManifestListing && isQuery) return t.queuedQuery;
  if (answer) {
    const grouped = answer.groups !== undefined && answer.groups < answer.total ? t.groupCount(answer.groups) : '';
    const count = isQuery ? t.count(answer.total, answer.approximate) + grouped : t.allCount(answer.total);
    return isPartialAnswer(answer) ? `${count}${t.searchedSoFar(answer.searched.articles, answer.searched.of)}` : count;
  }
  if (inputs.indexStatus === 'error') return '';
  if (manifest) return isQuery ? t.queuedQuery : t.allCount(manifest.articles);
  return t.loading(t.loadingManifest);
}

/** What the query limits cut from the query shown, as sentences (empty when nothing). */
export function queryCutText(answer: SearchAnswer | null, t: Messages): string {
  const cut = answer?.cut;
  if (!cut) return '';
  const notes = [cut.chars !== undefined ? t.queryCutChars(cut.chars, MAX_QUERY_CHARS) : '', cut.clauses !== undefined ? t.queryCutClauses(cut.clauses, MAX_QUERY_CLAUSES) : ''];
  return notes.filter(Boolean).join(' ');
}

/** What failed: opening the index, a search, the rows' summaries, an article. */
export type Operation = 'open' | 'search' | 'summaries' | 'article';

const OFFLINE_MESSAGES = {
  open: 'offlineIndexMissing',
  search: 'offlinePartMissing',
  summaries: 'offlineSummariesMissing',
  article: 'offlineArticleMissing',
} as const satisfies Record<Operation, ErrorMessage>;

const ONLINE_MESSAGES = {
  open: 'indexUnavailable',
  search: 'partUnavailable',
  summaries: 'summariesUnavailable',
  article: 'articleUnavailable',
} as const satisfies Record<Operation, ErrorMessage>;

/** The worker's account of `error` (anything else thrown is a bug). */
export function failureOf(error: unknown): WorkerFailure {
  return error instanceof WorkerRequestError ? error.failure : { kind: 'bug', message: String(error) };
}

/**
 * The message that explains `error` of `operation` to the visitor.
 *
 * @example errorMessage(new WorkerRequestError({ kind: 'unavailable', message: '' }), 'search', false) // 'offlinePartMissing'
 */
export function errorMessage(error: unknown, operation: Operation, isOnline: boolean): ErrorMessage {
  const failure = failureOf(error);
  if (failure.kind === 'corrupt') return 'indexCorrupt';
  // Offline, a file that could not be fetched is one this device has not stored: say that.
  if (failure.kind === 'unavailable' && !isOnline) return OFFLINE_MESSAGES[operation];
  return ONLINE_MESSAGES[operation];
}

/** The technical detail of `error` for the console (the worker's message and file). */
export function errorDetail(error: unknown): unknown {
  return error instanceof WorkerRequestError ? `${error.failure.message}${error.failure.file ? ` [${error.failure.file}]` : ''}` : error;
}
