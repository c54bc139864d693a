// Server-side enforcement of suggesting mode ("track changes").
export {
  SuggesterUpdateGate,
  checkSuggesterUpdate,
  type SuggesterCheckOptions,
  type SuggesterCheckResult,
} from "./checkSuggesterUpdate";
