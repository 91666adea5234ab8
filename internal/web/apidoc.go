package web

import (
	"encoding/json"
	"html/template"
	"net/http"
	"sort"
	"strings"

	"github.com/accordmea/accord/internal/api"
)

type apiPage struct {
	page
	Description string
	Ops         []apiOp
}

type apiOp struct {
	Method, Path, Summary, Description string
	Auth                               bool
	Params                             []apiParam
	Responses                          []string
}

type apiParam struct {
	Name, In, Description, Type string
	Required                    bool
}

// apiDoc renders the OpenAPI description as a page people read.
func (s *Server) apiDoc(w http.ResponseWriter, r *http.Request) error {
	var doc struct {
		Info struct {
			Description string `json:"description"`
		} `json:"info"`
		Paths map[string]map[string]struct {
			Summary     string           `json:"summary"`
			Description string           `json:"description"`
			Security    []map[string]any `json:"security"`
			Parameters  []struct {
				Name        string         `json:"name"`
				In          string         `json:"in"`
				Required    bool           `json:"required"`
				Description string         `json:"description"`
				Schema      map[string]any `json:"schema"`
			} `json:"parameters"`
			Responses map[string]any `json:"responses"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(api.OpenAPI(), &doc); err != nil {
		return err
	}
	p := apiPage{page: s.page(r, "API"), Description: doc.Info.Description}
	paths := make([]string, 0, len(doc.Paths))
	for path := range doc.Paths {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		for _, method := range []string{"get", "patch", "post", "delete"} {
			op, ok := doc.Paths[path][method]
			if !ok {
				continue
			}
			o := apiOp{Method: strings.ToUpper(method), Path: "/api/v1" + path, Summary: op.Summary, Description: op.Description, Auth: len(op.Security) > 0}
			for _, prm := range op.Parameters {
				typ, _ := prm.Schema["type"].(string)
				o.Params = append(o.Params, apiParam{prm.Name, prm.In, prm.Description, typ, prm.Required})
			}
			for code := range op.Responses {
				o.Responses = append(o.Responses, code)
			}
			sort.Strings(o.Responses)
			p.Ops = append(p.Ops, o)
		}
	}
	return s.render(w, http.StatusOK, "api", p)
}

// slashBreaks lets a path wrap after its slashes on a narrow screen,
// rather than inside one of its words.
func slashBreaks(path string) template.HTML {
	return template.HTML(strings.ReplaceAll(template.HTMLEscapeString(path), "/", "/<wbr>"))
}
