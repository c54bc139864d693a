// Transaction metadata used by suggesting mode.

/** Set on transactions that must not be turned into suggestions (accept/reject). */
export const SUGGESTION_SKIP_META = "suggestionMode$skip";

/** Set on transactions suggestTransaction() produced. */
export const SUGGESTION_REWRITTEN_META = "suggestionMode$rewritten";

/** Set on transactions that are already complete suggestions (structure commands): applied without rewriting. */
export const SUGGESTION_STRUCTURED_META = "suggestionMode$structured";
