// Suggesting mode ("track changes"). See SuggestionMode.ts for the editor
// extension and marks.ts for the schema marks and the replacement convention.
export {
  SUGGESTION_DELETE,
  SUGGESTION_INSERT,
  SuggestionDelete,
  SuggestionInsert,
  type SuggestionAttrs,
  type SuggestionAuthor,
  type SuggestionMarkName,
} from "./marks";
export {
  SuggestionMode,
  isSuggesting,
  rewriteForSuggesting,
  suggestionModePlugin,
  suggestionModePluginKey,
  type SuggestionModeOptions,
  type SuggestionModeStorage,
} from "./SuggestionMode";
export { deleteCharacterCommand } from "./deleteCommands";
export { listSuggestions, type SuggestionKind, type SuggestionRange, type SuggestionSummary } from "./listSuggestions";
export { reviewSuggestions, reviewSuggestionsTransaction, SUGGESTION_SKIP_META, type SuggestionFilter } from "./review";
export { suggestTransaction, newSuggestionId, type SuggestContext, type SuggestResult } from "./suggestTransaction";
export { suggestionViolation } from "./suggestionViolation";
export { compareSuggesterBlocks, projectNodes, type JSONNode } from "./projection";
