// Package parse turns the text of decisions into structured decisions:
// it finds each decision in a file, its symbol, title, enacting formula,
// preamble, operative paragraphs (a tree of numbers, letters and roman
// items), headings, footnotes and annexes, each paragraph's operative verb,
// and the decisions and documents it cites.
//
// Parsing is a pure function of the text: no I/O, no clock, no database.
// The one thing kept between calls, the cut-down heading expressions
// compiled on first use (symbols.go), changes no answer and is safe for
// concurrent use (TestParseConcurrently).
// Where a regular expression would run over every byte of a page, a
// quick path stands in for it (a scanner that tries it only where a
// match can begin, a test of the first bytes, a reading by hand); each
// is held to its expression by the tests of fastpath_test.go, and
// BenchmarkParse and BenchmarkParseOwn measure the whole.
// Nothing is dropped: every word of the input lands in exactly one element
// of the result (see Document.Elements). It must not import any store,
// net/http, or package that does I/O.
//
// # Stages
//
// Parse (parse.go) runs five stages, one after another, each handing a
// typed result to the next:
//
//  1. Normalize (normalize.go, hyphen.go, notezone.go, oneline.go,
//     unwrap.go) takes the text and gives its lines ([]line): invisible
//     marks, tables and emphasis cleaned up; a decision printed on one
//     line cut into its lines (oneline.go), the footnotes of a page run
//     into that line set on lines of their own (notezone.go), the same
//     when a reader wrapped that line at a fixed width or a PDF printed
//     it in a proportional font (unwrap.go); a heading whose title a web
//     page glues to the symbol with a dot ("28 COM 14B.3.Title") cut in
//     two; hyphens of compounds mended (hyphen.go). extract then takes
//     out page furniture (running heads, page numbers, job numbers, a
//     web page's trail of links and footer) and footnotes, those of a
//     footnote zone at a page's foot too (notezone.go) and a footnote
//     running on past a page break, and gives an extracted: the body
//     lines, the footnotes ([]rawNote) and the furniture, each with its
//     line index.
//  2. Blocks (blocks.go, runin.go) joins the body's hard-wrapped lines
//     into blocks ([]block), each with its kind: its marker ("1.", "(a)",
//     "ii)", "A."), whether it heads a decision or an annex. A web page
//     gives each paragraph its line with no blank line between them: in
//     a text with lines wider than any wrap leaves, a break where the
//     next line's first word would have fitted ends a marked paragraph
//     (hardBreak). splitRunIn splits paragraphs a page ran into one line.
//  3. Segment (segment.go) reads the blocks in order and gives the
//     decisions of the file ([]*draft) and the blocks before and between
//     them (the preface): each draft holds its symbol, title, formula,
//     recitals and operative blocks. Parse then gives each draft the
//     footnotes and furniture that fell within its lines.
//  4. Tree (tree.go) finishes each draft into an accord.Decision: the tree
//     of paragraphs, items and headings, annexes, each paragraph's verb,
//     footnotes tied to the words that cite them, and the instrument,
//     meeting and year, from the decision or, failing that, from what the
//     whole text says (wholeText).
//  5. References (references.go) reads the decisions and documents each
//     finished decision cites (references): Parse runs it on the decision
//     tree gives, with the instrument and meeting tree read. The year it
//     was adopted is tree's, read once, from its closing lines, its
//     preface or the text's heading (adoptionYear). Deadlines in its
//     paragraphs are the extract package's to read.
//
// The hand-over goes one way: a function, var or const of a stage uses
// the functions, vars and consts of its own stage, of earlier stages and
// of the shared helpers, never one of a later stage; a shared helper uses
// only shared helpers. Any stage may use the shared helpers:
//
//   - lines.go: what one line says it is (a decision's heading, a
//     formula, a numbered paragraph, an item, a heading, an annex) and
//     how it begins and ends;
//   - symbols.go: the symbol grammar of decisions and documents, roman
//     numerals, instruments, meetings and years named in a text, and the
//     document symbols a text cites (documentSymbols), which segment and
//     references both read;
//   - verbs.go: the operative and preambular verbs;
//   - styles.go: the house styles (below);
//   - scanner.go: a quick search for an expression.
//
// TestStagesReadTopDown (stages_test.go) holds the package to this: it
// puts each file in its stage and fails on a use of a later stage's
// function, var or const. A new file gets its row in the test's stageOf.
//
// # Adding a house style
//
// What is particular to one family of publications — the body its
// formula names, the symbols its headings carry, its recital words,
// formula leads and reported verbs — is one row of houseStyles in
// styles.go; the expressions of the stages are built from the table. To
// add a family, add its row and a golden test, then run the corpus
// scores (styles.go says each step in full). The ITPGRFA row shows it:
//
//	{
//		family:    "ITPGRFA and the FAO Conference",
//		bodies:    []string{"Governing Body"},
//		headings:  []string{symNumYear},
//		recitals:  "participles",
//		numbering: "1., 2.; items (a), (b)",
//	},
//
// Its formula "THE GOVERNING BODY," is found by the name in bodies, its
// heading "Resolution 7/2031" by symNumYear, a grammar constant added
// beside the table because no other row numbers its decisions by number
// and year. Its golden test is testdata/itpgrfa-resolution.txt, an
// invented resolution in that style, with its expected parse in
// testdata/itpgrfa-resolution.golden.json, which TestGolden compares
// (go test -run TestGolden ./internal/parse -update writes it; read
// the diff before committing it).
package parse
