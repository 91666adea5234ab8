package parse

// renderingGaps are the files whose parse a rendering still changes, by
// rendering, with why: the suite checks only that nothing is dropped from
// them. Each is a defect of the parser to fix, not a rule. The files of
// the own corpus (ownPrefix) are named by what the rendering changes in
// their parse, the trace a fix starts from.
var renderingGaps = map[string]map[string]string{
	"wrapped at 60 columns":                        {},
	"wrapped at 66 columns":                        {},
	"wrapped at 72 columns":                        {},
	"wrapped at 78 columns":                        {},
	"wrapped at 85 columns":                        {},
	"wrapped at 92 columns":                        {},
	"wrapped at 100 columns":                       {},
	"CRLF, tabs, no-break spaces, invisible marks": {},
	"PDF printed by Chromium":                      {},
	"web page, symbol glued to the title":          {},
	"web page, symbol in a label line":             {},
	"web page, symbol as a field value":            {},
	"row of an HTML table":                         {},
	"row of a table copied as text":                {},
	"on one line":                                  {},
}

// The pages of "PDF-style pages" are wrapped at 85 columns: the rendering
// has the gaps of "wrapped at 85 columns", and none of its own.
func init() {
	gaps := map[string]string{}
	for name, why := range renderingGaps["wrapped at 85 columns"] {
		gaps[name] = why
	}
	renderingGaps["PDF-style pages"] = gaps
}
