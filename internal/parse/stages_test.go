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
// direction: a function of stage N uses functions of stages 1 to N and of
// the shared helpers, never one of a later stage. A reader of Parse then
// meets each helper at or before the stage that needs it.
func TestStagesReadTopDown(t *testing.T) {
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
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
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	for name := range stageOf {
		if _, err := os.Stat(name); err != nil {
			t.Errorf("stageOf names %s, which is not in the package", name)
		}
	}
	// Only the package's own functions matter: imports the checker cannot
	// read leave their uses untyped, not ours.
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil), Error: func(error) {}}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}}
	pkg, _ := conf.Check("parse", fset, files, info)

	found := map[string]string{} // "caller -> callee" to its message
	for _, f := range files {
		file := fset.Position(f.Pos()).Filename
		for _, decl := range f.Decls {
			caller := declName(decl)
			ast.Inspect(decl, func(n ast.Node) bool {
				id, ok := n.(*ast.Ident)
				if !ok {
					return true
				}
				fn, ok := info.Uses[id].(*types.Func)
				if !ok || fn.Pkg() != pkg {
					return true
				}
				def := fset.Position(fn.Pos()).Filename
				from, to := stageOf[file], stageOf[def]
				if to == 0 || to <= from {
					return true
				}
				callee := funcName(fn)
				found[caller+" -> "+callee] = fmt.Sprintf("%s (%s, %s) uses %s (%s, %s) at %s",
					caller, file, stageNames[from], callee, def, stageNames[to], fset.Position(id.Pos()))
				return true
			})
		}
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
