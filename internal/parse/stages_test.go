package parse

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// stageOf puts each file of the package in its stage, in the order Parse
// runs them (see the package comment). Stage 0 holds the helpers every
// stage shares; parse.go, which hands each stage's result to the next,
// comes last.
var stageOf = map[string]int{
	"doc.go":     0, // the package comment
	"scanner.go": 0, // a quick search for an expression
	"styles.go":  0, // the house styles
	"symbols.go": 0, // symbol grammar, roman numerals, document symbols, dates
	"verbs.go":   0, // the operative and preambular verbs
	"lines.go":   0, // what a line says it is

	"normalize.go": 1,
	"hyphen.go":    1,
	"notezone.go":  1,
	"oneline.go":   1,
	"unwrap.go":    1,

	"blocks.go": 2,
	"runin.go":  2,

	"segment.go": 3,

	"tree.go": 4,

	"references.go": 5,

	"parse.go": 6,
}

// stageNames names the stages for the messages of TestStagesReadTopDown.
var stageNames = []string{"shared", "normalize", "blocks", "segment", "tree", "references", "parse"}

// stageCrossings lists the uses of a later stage's function by an earlier
// stage that the package keeps, each as "caller -> callee" with a
// sentence on why it stays. It is empty: every stage reads top-down.
var stageCrossings = map[string]string{}

// TestStagesReadTopDown holds the hand-over between stages to one
// direction: a function, var or const of stage N uses the functions, vars
// and consts of stages 1 to N and of the shared helpers, never one of a
// later stage. A reader of Parse then meets each helper, expression and
// limit at or before the stage that needs it.
func TestStagesReadTopDown(t *testing.T) {
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	srcs := map[string][]byte{}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		if _, ok := stageOf[name]; !ok {
			t.Errorf("%s has no stage: add it to stageOf", name)
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		srcs[name] = src
	}
	for name := range stageOf {
		if _, err := os.Stat(name); err != nil {
			t.Errorf("stageOf names %s, which is not in the package", name)
		}
	}
	found, err := forwardUses(srcs, stageOf)
	if err != nil {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(found))
	for k := range found {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if _, ok := stageCrossings[k]; !ok {
			t.Errorf("an earlier stage reaches forward: %s", found[k])
		}
	}
	for k := range stageCrossings {
		if _, ok := found[k]; !ok {
			t.Errorf("stageCrossings lists %q, which the package no longer has: remove it", k)
		}
	}
}

// TestForwardUsesCatches keeps TestStagesReadTopDown able to fail: in a
// small invented package, a first stage that calls a function of the
// second, reads its expression and bounds a loop by its limit is caught
// each time, and the uses that go the right way, or of a shared helper,
// or of a name local to a function, are not.
func TestForwardUsesCatches(t *testing.T) {
	srcs := map[string][]byte{
		"shared.go": []byte(`package p

var sharedWords = []string{"notes"}
`),
		"first.go": []byte(`package p

func first(s string) bool {
	limit := 0
	for i := 0; i < maxLater && i < len(sharedWords) && limit == 0; i++ {
	}
	return laterWord == s || later(s)
}

var firstWords = laterWords
`),
		"second.go": []byte(`package p

const maxLater = 3

var laterWord = "note"

var laterWords = []string{laterWord}

func later(s string) bool { return first(s) && s != "" }
`),
	}
	found, err := forwardUses(srcs, map[string]int{"shared.go": 0, "first.go": 1, "second.go": 2})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"first -> later", "first -> laterWord", "first -> maxLater", "firstWords -> laterWords"}
	got := make([]string, 0, len(found))
	for k := range found {
		got = append(got, k)
	}
	sort.Strings(got)
	if !slices.Equal(got, want) {
		t.Errorf("forwardUses found %q, want %q", got, want)
	}
}

// forwardUses type-checks the package of srcs (file name to source) and
// returns each use, by a top-level declaration, of a function, var or
// const of the package that stageOf puts in a later stage than the user's
// own, as "user -> used" with a message saying where. Names local to a
// function are the function's own and never cross.
func forwardUses(srcs map[string][]byte, stageOf map[string]int) (map[string]string, error) {
	fset := token.NewFileSet()
	names := make([]string, 0, len(srcs))
	for name := range srcs {
		names = append(names, name)
	}
	sort.Strings(names)
	var files []*ast.File
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, srcs[name], 0)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	// Only the package's own names matter: imports the checker cannot
	// read leave their uses untyped, not ours.
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil), Error: func(error) {}}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}}
	pkg, _ := conf.Check(files[0].Name.Name, fset, files, info)

	found := map[string]string{} // "user -> used" to its message
	for _, f := range files {
		file := fset.Position(f.Pos()).Filename
		for _, decl := range f.Decls {
			user := declName(decl)
			ast.Inspect(decl, func(n ast.Node) bool {
				id, ok := n.(*ast.Ident)
				if !ok {
					return true
				}
				obj := info.Uses[id]
				if obj == nil || obj.Pkg() != pkg {
					return true
				}
				var used string
				switch o := obj.(type) {
				case *types.Func:
					used = funcName(o)
				case *types.Var, *types.Const:
					if o.Parent() != pkg.Scope() {
						return true // a local name, a parameter, a field
					}
					used = o.Name()
				default:
					return true
				}
				def := fset.Position(obj.Pos()).Filename
				from, to := stageOf[file], stageOf[def]
				if to == 0 || to <= from {
					return true
				}
				found[user+" -> "+used] = fmt.Sprintf("%s (%s, %s) uses %s (%s, %s) at %s",
					user, file, stageName(from), used, def, stageName(to), fset.Position(id.Pos()))
				return true
			})
		}
	}
	return found, nil
}

// stageName names stage n for a message, or gives its number when
// stageNames does not reach it (the invented stages of a test).
func stageName(n int) string {
	if n < len(stageNames) {
		return stageNames[n]
	}
	return fmt.Sprint("stage ", n)
}

// declName names a top-level declaration: a function, a method as
// "type.name", or the first name of a var or const block.
func declName(d ast.Decl) string {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv != nil && len(d.Recv.List) == 1 {
			r := d.Recv.List[0].Type
			if s, ok := r.(*ast.StarExpr); ok {
				r = s.X
			}
			if id, ok := r.(*ast.Ident); ok {
				return id.Name + "." + d.Name.Name
			}
		}
		return d.Name.Name
	case *ast.GenDecl:
		for _, s := range d.Specs {
			if v, ok := s.(*ast.ValueSpec); ok && len(v.Names) > 0 {
				return v.Names[0].Name
			}
		}
	}
	return "?"
}

// funcName names a function, or a method as "type.name".
func funcName(fn *types.Func) string {
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		r := sig.Recv().Type()
		if p, ok := r.(*types.Pointer); ok {
			r = p.Elem()
		}
		if n, ok := r.(*types.Named); ok {
			return n.Obj().Name() + "." + fn.Name()
		}
	}
	return fn.Name()
}
