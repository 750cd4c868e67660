// The formatter's public face: `nadir format` and the language server both call these.
export { formatText, formatLineRange, FormatOptions, LineEdit } from "./format";
