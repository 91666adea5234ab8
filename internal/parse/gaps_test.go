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
	"on one line": {
		"25_VIII_32+IX_24.txt":                          "a CBD page's decision known only by its paragraph markers runs into the next decision on one line",
		"own/afb_B.7-6.txt":                             "decision reference \"b.5/9\" is lost",
		"own/cites_Res.Conf.5.20_Rev.CoP16.txt":         "no decision is found any more",
		"own/iwc_CO2489_2024.txt":                       "no decision is found any more",
		"own/iwc_Resolution_1994-4_small-cetaceans.txt": "no decision is found any more",
		"own/iwc_Resolution_2005-4_listing.txt":         "decisions run together: 1 found instead of 2",
		"own/ramsar_Resolution_VI.13.txt":               "operative paragraphs \"requests\" are lost; 6 preamble paragraphs are read as 7",
		"own/unccd_3_COP.13_gender-extract.txt":         "no decision is found any more",
	},
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
