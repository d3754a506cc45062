// The verdicts a claim can get and the rule for each, as the ledger page and the replication
// README state them (the evaluation gives them; the explanations word them).
export type Verdict = 'matches' | 'close' | 'differs' | 'ambiguous' | 'not checkable' | 'context';
export const VERDICTS: Verdict[] = ['matches', 'close', 'differs', 'ambiguous', 'not checkable', 'context'];

/** What each verdict means, as the ledger page and the replication README state it. */
export const VERDICT_RULES: Record<Verdict, string> = {
  matches:
    'The primary reading reproduces the printed number when rounded as printed: a printed 4.9 (one decimal) matches any value in [4.85, 4.95). A statement with no number (a rise, a fall, a lowest year) matches when it holds in the data.',
  close: "The primary reading is outside the printed rounding but within the claim's stated tolerance (a percent of the printed number, given with the claim).",
  differs: 'The primary reading is outside the tolerance, or the statement does not hold in the data.',
  ambiguous: "The words admit several readings that are equally natural (the claim says why) and the readings' verdicts disagree; each reading is shown with its own verdict.",
  'not checkable': 'No bundled data settles it; the claim says which publication would.',
  context: 'The sentence states a concern or a setting, not a number: its readings are the data an economist would set beside it, each with its basis and source, and none gets a verdict of its own.',
};
