package server

import (
	"encoding/json"
	"net/http"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/view"
)

type oaParam struct {
	Ref    string `json:"$ref"`
	Name   string `json:"name"`
	In     string `json:"in"`
	Schema struct {
		Type string `json:"type"`
	} `json:"schema"`
}

type oaDoc struct {
	OpenAPI    string                                `json:"openapi"`
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Parameters map[string]oaParam `json:"parameters"`
		Schemas    map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"schemas"`
	} `json:"components"`
}

func loadDoc(t *testing.T) oaDoc {
	var d oaDoc
	if err := json.Unmarshal(openAPIDoc, &d); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(d.OpenAPI, "3.") {
		t.Fatalf("openapi version %q", d.OpenAPI)
	}
	return d
}

var pathParamRe = regexp.MustCompile(`\{([a-z_]+)\}`)

// TestOpenAPIMatchesRoutes checks that every API pattern registered on the
// mux is in openapi.json with the same method, path and query parameters,
// and that the document describes nothing the server does not serve.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	d := loadDoc(t)
	s := newServer(newFakeReader(t, 3), Options{})
	routes := map[string]route{}
	for _, rt := range apiRoutes(s) {
		routes[strings.ToLower(rt.method)+" "+rt.path] = rt
	}
	// What the mux really holds under /api/.
	registered := map[string]bool{}
	for _, p := range s.patterns {
		method, path, _ := strings.Cut(p, " ")
		if strings.HasPrefix(path, "/api/") {
			registered[strings.ToLower(method)+" "+path] = true
			if _, ok := routes[strings.ToLower(method)+" "+path]; !ok {
				t.Errorf("mux pattern %q is not in the route table", p)
			}
		}
	}
	documented := map[string]bool{}
	for path, ops := range d.Paths {
		for method, raw := range ops {
			key := method + " " + path
			documented[key] = true
			rt, ok := routes[key]
			if !ok || !registered[key] {
				t.Errorf("openapi.json documents %s %s, which the server does not register", strings.ToUpper(method), path)
				continue
			}
			var op struct {
				Parameters []oaParam `json:"parameters"`
			}
			if err := json.Unmarshal(raw, &op); err != nil {
				t.Fatalf("%s: %v", key, err)
			}
			var query, pathParams []string
			for _, p := range op.Parameters {
				if p.Ref != "" {
					name := strings.TrimPrefix(p.Ref, "#/components/parameters/")
					cp, ok := d.Components.Parameters[name]
					if !ok {
						t.Errorf("%s: dangling parameter ref %s", key, p.Ref)
						continue
					}
					p = cp
				}
				switch p.In {
				case "query":
					query = append(query, p.Name)
					if spec, ok := params[p.Name]; !ok || spec.typ != p.Schema.Type {
						t.Errorf("%s: parameter %s has type %q in the document, %q in the code", key, p.Name, p.Schema.Type, spec.typ)
					}
				case "path":
					pathParams = append(pathParams, p.Name)
				default:
					t.Errorf("%s: parameter %s in %q", key, p.Name, p.In)
				}
			}
			if got, want := sorted(query), sorted(rt.query); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: query parameters documented %v, accepted %v", key, got, want)
			}
			var inPath []string
			for _, m := range pathParamRe.FindAllStringSubmatch(path, -1) {
				inPath = append(inPath, m[1])
			}
			if got, want := sorted(pathParams), sorted(inPath); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: path parameters documented %v, in the pattern %v", key, got, want)
			}
		}
	}
	for key := range registered {
		if !documented[key] {
			t.Errorf("the server registers %s, which openapi.json does not document", key)
		}
	}
}

func sorted(xs []string) []string {
	out := append([]string{}, xs...)
	sort.Strings(out)
	if len(out) == 0 {
		return nil
	}
	return out
}

// TestOpenAPIParametersAccepted sends every documented query parameter of
// every GET route with a valid value: none may be refused as unknown or
// malformed.
func TestOpenAPIParametersAccepted(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	example := map[string]string{"q": "Mosul", "outlet": "Harbor Times", "actor": "Carter", "place": "Mosul", "speaker": "Carter",
		"story": "1", "article": "1", "from": "2016-10-01", "to": "2016-10-30", "limit": "5", "offset": "0", "sort": "newest", "min_count": "1", "min_confidence": "0.5", "type": "ASSAULT"}
	s := newServer(newFakeReader(t, 3), Options{})
	for _, rt := range apiRoutes(s) {
		if rt.method != "GET" || len(rt.query) == 0 {
			continue
		}
		for _, name := range rt.query {
			v, ok := example[name]
			if !ok {
				t.Fatalf("no example value for %s", name)
			}
			u := ts.URL + rt.path + "?" + name + "=" + strings.ReplaceAll(v, " ", "%20")
			if rt.path == "/api/v1/search" && name != "q" {
				u += "&q=Mosul"
			}
			resp, body := do(t, "GET", u, nil)
			if resp.StatusCode != http.StatusOK {
				t.Errorf("GET %s: %d %s", u, resp.StatusCode, body)
			}
		}
	}
}

// TestOpenAPISchemasMatchViewTypes checks that the documented properties of
// each schema are exactly the JSON fields of the Go type, so a change to
// internal/view shows up here.
func TestOpenAPISchemasMatchViewTypes(t *testing.T) {
	d := loadDoc(t)
	types := map[string]any{
		"ArticleSummary": view.ArticleSummary{}, "Article": view.Article{}, "Span": view.Span{}, "Mention": view.Mention{},
		"PlaceMention": view.PlaceMention{}, "TimeMention": view.TimeMention{}, "ActorRef": view.ActorRef{},
		"ArticleSimRef": view.ArticleSimRef{}, "Citation": view.Citation{}, "StorySummary": view.StorySummary{},
		"Story": view.Story{}, "StoryActor": view.StoryActor{}, "SummarySentence": view.SummarySentence{},
		"TimelineEntry": view.TimelineEntry{}, "Comparison": view.Comparison{}, "Claim": view.Claim{},
		"WordChoice": view.WordChoice{}, "NumberClaim": view.NumberClaim{}, "Storyline": view.Storyline{},
		"Role": view.Role{}, "Actor": view.Actor{}, "ActorPage": view.ActorPage{}, "Place": view.Place{},
		"PlacePage": view.PlacePage{}, "Quote": view.Quote{}, "SearchResult": view.SearchResult{},
		"ArticleHit": view.ArticleHit{}, "Facets": view.Facets{}, "Facet": view.Facet{}, "Watchlist": Watchlist{},
		"Analysis": view.Analysis{}, "Fault": view.Fault{},
	}
	for name, v := range types {
		sc, ok := d.Components.Schemas[name]
		if !ok {
			t.Errorf("schema %s missing", name)
			continue
		}
		var doc []string
		for p := range sc.Properties {
			doc = append(doc, p)
		}
		if got, want := sorted(doc), sorted(jsonFields(reflect.TypeOf(v))); !reflect.DeepEqual(got, want) {
			t.Errorf("schema %s: documented %v, Go fields %v", name, got, want)
		}
	}
}

// jsonFields lists the JSON names of t's fields; a field of an embedded
// struct that the outer struct shadows appears once, as encoding/json does.
func jsonFields(t reflect.Type) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range jsonFieldsAll(t) {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}

func jsonFieldsAll(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if f.Anonymous && tag == "" {
			out = append(out, jsonFieldsAll(f.Type)...)
			continue
		}
		if name := strings.Split(tag, ",")[0]; name != "-" && name != "" {
			out = append(out, name)
		}
	}
	return out
}

// TestOpenAPIRefsResolve checks that every $ref in the document points to a
// component that exists.
func TestOpenAPIRefsResolve(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(v any)
	n := 0
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, c := range x {
				if k == "$ref" {
					n++
					ref, _ := c.(string)
					var cur any = doc
					for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
						m, ok := cur.(map[string]any)
						if !ok {
							cur = nil
							break
						}
						cur = m[part]
					}
					if cur == nil {
						t.Errorf("dangling $ref %s", ref)
					}
					continue
				}
				walk(c)
			}
		case []any:
			for _, c := range x {
				walk(c)
			}
		}
	}
	walk(doc)
	if n < 20 {
		t.Errorf("only %d $refs: document looks truncated", n)
	}
}
