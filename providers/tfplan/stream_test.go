package tfplan

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/internal/testfs"
)

// sameAsSlow checks that Parse, which reads a plan with the streaming
// pass when it can, makes the same facts, or fails with the same error,
// as decoding it with encoding/json only.
func sameAsSlow(t *testing.T, name string, data []byte) {
	t.Helper()
	fast, fastErr := parse(context.Background(), "plan.json", data, true)
	slow, slowErr := parse(context.Background(), "plan.json", data, false)
	if (fastErr == nil) != (slowErr == nil) || fastErr != nil && fastErr.Error() != slowErr.Error() {
		t.Fatalf("%s: streaming error %v, encoding/json error %v", name, fastErr, slowErr)
	}
	if !reflect.DeepEqual(fast, slow) {
		t.Errorf("%s: the streaming pass made other facts than encoding/json", name)
		for i := range min(len(fast), len(slow)) {
			if !reflect.DeepEqual(fast[i], slow[i]) {
				t.Errorf("first difference, fact %d:\nstream %+v\nslow   %+v", i, fast[i], slow[i])
				break
			}
		}
	}
}

// fromFile checks that the provider, which streams a plan from its file
// when it can, makes the same facts or error as parsing its bytes with
// encoding/json.
func fromFile(t *testing.T, path string, data []byte) {
	t.Helper()
	got, gotErr := diag.AsError(Provider{}.Collect(context.Background(), path))
	want, wantErr := parse(context.Background(), path, data, false)
	if (gotErr == nil) != (wantErr == nil) || gotErr != nil && !strings.Contains(gotErr.Error(), wantErr.Error()) {
		t.Fatalf("%s: Collect error %v, encoding/json error %v", path, gotErr, wantErr)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: Collect made other facts than encoding/json", path)
	}
}

// TestStreamMatchesEncodingJSON reads every plan under testdata both ways.
func TestStreamMatchesEncodingJSON(t *testing.T) {
	n, streamed := 0, 0
	err := filepath.WalkDir("../../testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".json") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !strings.Contains(string(b), `"format_version"`) {
			return nil
		}
		n++
		if _, err := decodeFast("plan.json", bytes.NewReader(b), nil); err == nil {
			streamed++
		}
		sameAsSlow(t, path, b)
		fromFile(t, path, b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 20 || streamed < n/2 {
		t.Fatalf("compared %d plans, of which %d streamed", n, streamed)
	}
}

// TestStreamEdgeCases covers what the streaming pass hands over to
// encoding/json, and what it reads itself, in documents Terraform does
// not write.
func TestStreamEdgeCases(t *testing.T) {
	change := `{"address":"a.b","type":"a","name":"b","mode":"managed","index":1,"change":{"actions":["delete"],"before":{"x":1e400,"y":"\u00e9\\"},"after":null,"after_unknown":{"y":true}}}`
	for _, doc := range []string{
		`{"format_version":"1.2","resource_changes":[` + change + `]}`,
		`{"format_version":"1.2","resource_changes":[null,` + change + `]}`,
		`{"format_version":"1.2","resource_changes":null,"values":{}}`,
		`{"format_version":"1.2","resource_changes":[],"values":{}}`,
		`{"format_version":"1.2","resource_changes":[` + change + `],"resource_changes":[]}`,
		`{"format_version":"1.2","Resource_Changes":[` + change + `]}`,
		`{"format_version":"1.2","resource_changes":[{"address":"a.b","type":"a","name":"b","Change":{"actions":["create"]}}]}`,
		`{"format_version":"1.2","resource_changes":[{"address":5,"type":"a","name":"b","change":{}}]}`,
		`{"format_version":"1.2","resource_changes":[{"address":"a.b","type":"a","name":"b","change":{"actions":[null,"create"],"after":{"k":"v","k":"w"}}}]}`,
		`{"format_version":"1.2","resource_changes":[{"address":"a.b","type":"a","name":"b","change":{"actions":"create"}}]}`,
		`{"format_version":"1.2","resource_changes":[{"address":"a.b","type":"a","name":"b","change":{"after":{"s":"\ud800"}}}]}`,
		`{"format_version":"1.2","resource_changes":[5]}`,
		`{"format_version":"1.2","resource_changes":[]} x`,
		`{"format_version":"1.2","configuration":{"root_module":{"variables":{"p":{"sensitive":"yes"}}}}}`,
		`{"format_version":"1.2","prior_state":{"format_version":"9.0"}}`,
		`{"format_version":null}`,
		`{"format_version":"1.2","resource_changes":[{"address":"a.b","type":"a","name":"b","change":{"actions":["update"],"after":{"l":[{"p":"x","q":1},{"p":"y"}],"m":{"k":"v","password":"p"},"n":null},"after_unknown":{"l":[{},{"q":true}],"m":{"k":false},"z":[false,{"w":true}],"u":{"a":true},"u":{}},"after_sensitive":{"l":[false,{"p":true}],"m":{"k":true,"j":[]}},"before_sensitive":[true]}}]}`,
		`{"format_version":"1.2","configuration":null,"resource_changes":[` + change + `]}`,
		`{"format_version":"1.2","configuration":{"root_module":{"resources":[null,{"mode":"managed","type":"a","name":"b","expressions":{"k":null,"p":{"constant_value":"AKIAIOSFODNN7EXAMPLE"},"blk":[null,{},{"x":{"constant_value":1e5,"references":[]}}]}}]}},"resource_changes":[` + change + `]}`,
		`{"format_version":"1.2","configuration":{"root_module":{"resources":[{"type":"a","name":"b","expressions":{"p":{"constant_value":1e400}}}]}}}`,
		`{"format_version":"1.2","configuration":{"root_module":{"resources":[{"type":"a","name":"b","expressions":{"p":"x"}}]}}}`,
		`{"format_version":"1.2","configuration":{"root_module":{"resources":[{"type":"a","name":"b","Expressions":{}}]}}}`,
		`{"format_version":"1.2","configuration":{"root_module":{"module_calls":{"m":null,"n":{"module":{"variables":{"v":{"sensitive":true},"w":null}}}}}}}`,
		`{"format_version":"1.2","configuration":{"root_module":{"variables":{"v":{"sensitive":1}}}}}`,
		`{"format_version":"1.2","configuration":{"root_module":{"resources":[{"type":"a","name":"b","expressions":{"p":{"references":[null,"aws_s3_bucket.x"],"references":[]}}}]}}}`,
		`{"format_version":"1.2","resource_drift":{}}`,
		"\xef\xbb\xbf{\"format_version\":\"1.2\",\"resource_changes\":[" + change + "]}",
		"\r\n  {\r\n\"format_version\":\"1.2\",\r\n\"resource_changes\":[\r\n" + change + ",\r\n\t" + strings.Replace(change, "a.b", "a.d", 1) + "]}\r\n",
		"{\"format_version\":\"1.2\",\"resource_changes\":[" + change + "]}\n\x00",
		"{\n\"format_version\":\"1.2\",\n\"resource_changes\":[\n" + change + ",\n\n  " + strings.Replace(change, "a.b", "a.c", 1) + "]}",
	} {
		sameAsSlow(t, doc, []byte(doc))
		path := filepath.Join(t.TempDir(), "plan.json")
		if err := os.WriteFile(path, []byte(doc), 0o600); err != nil {
			t.Fatal(err)
		}
		fromFile(t, path, []byte(doc))
	}
}

// TestCollectFromFIFO reads a plan from a named pipe, as
// <(terraform show -json tfplan) passes it: not streamed, since its open
// would wait for the writer, but read whole as before.
func TestCollectFromFIFO(t *testing.T) {
	data := []byte(`{"format_version":"1.2","resource_changes":[{"address":"a.b","type":"a","name":"b","mode":"managed","change":{"actions":["create"],"after":{"x":1}}}]}`)
	path := testfs.FIFO(t, "plan.json", string(data))
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	got, err := diag.AsError(Provider{}.Collect(ctx, path))
	if err != nil {
		t.Fatal(err)
	}
	want, err := parse(context.Background(), path, data, false)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("facts from the pipe = %+v, want %+v", got, want)
	}
}

// TestStreamManyBatches reads plans of more changes, and more resources
// in their configuration, than one batch holds (decodeBatch), decoded on
// several goroutines: the facts come in the plan's order with their
// positions, and a change or a configured resource that is not plain in a
// later batch sends the whole document to encoding/json, as one in the
// first batch does.
func TestStreamManyBatches(t *testing.T) {
	const n = 1500
	// odd gives the i-th change (i >= 0) or configured resource (-1-i)
	// in place of the plain one, when it gives anything.
	plan := func(odd func(i int) string) []byte {
		var b strings.Builder
		b.WriteString("{\"format_version\":\"1.2\",\"resource_changes\":[\n")
		for i := range n {
			if i > 0 {
				b.WriteString(",\n")
			}
			if o := odd(i); o != "" {
				b.WriteString(o)
				continue
			}
			// Sizes vary so that batches end on their byte bound too.
			pad := strings.Repeat("x", (i*37)%3000)
			fmt.Fprintf(&b, `{"address":"module.m%d.aws_s3_bucket.b%d","module_address":"module.m%d","mode":"managed","type":"aws_s3_bucket","name":"b%d","change":{"actions":["create"],"after":{"bucket":"b-%d","pad":%q,"tags":{"n":"%d"}},"after_unknown":{"id":true},"after_sensitive":{}}}`, i/100, i, i/100, i, i, pad, i)
		}
		// The configuration, after the changes as Terraform writes it: a
		// resource for each change, in modules of 100.
		b.WriteString("\n],\"configuration\":{\"root_module\":{\"module_calls\":{")
		for m := range n / 100 {
			if m > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `"m%d":{"module":{"resources":[`, m)
			for i := m * 100; i < (m+1)*100; i++ {
				if i > m*100 {
					b.WriteString(",")
				}
				if o := odd(-1 - i); o != "" {
					b.WriteString(o)
					continue
				}
				fmt.Fprintf(&b, `{"mode":"managed","type":"aws_s3_bucket","name":"b%d","expressions":{"bucket":{"constant_value":"b-%d"},"logging":[{"target_bucket":{"references":["aws_s3_bucket.b%d.id","aws_s3_bucket.b%d"]}}]}}`, i, i, (i+1)%100+m*100, (i+1)%100+m*100)
			}
			b.WriteString("]}}")
		}
		b.WriteString("}}}}")
		return []byte(b.String())
	}
	at := func(j int, doc string) func(int) string {
		return func(i int) string {
			if i == j {
				return doc
			}
			return ""
		}
	}
	for _, c := range []struct {
		name     string
		data     []byte
		streamed bool
	}{
		{"1,500 plain changes and resources", plan(at(n, "")), true},
		{"a null change in a later batch", plan(at(1100, "null")), true},
		{"a null configured resource in a later batch", plan(at(-1-1100, "null")), true},
		{"a repeated key in a later change", plan(at(1200, `{"address":"a.b","type":"a","type":"b","name":"b","change":{"actions":["create"]}}`)), false},
		{"a key in another case in the last change", plan(at(n-1, `{"address":"a.b","type":"a","name":"b","Change":{"actions":["create"]}}`)), false},
		{"a key in another case in a later configured resource", plan(at(-1-1300, `{"mode":"managed","type":"a","name":"b","Expressions":{}}`)), false},
		{"a number too large in a later configured resource", plan(at(-1-1400, `{"mode":"managed","type":"a","name":"b","expressions":{"p":{"constant_value":1e400}}}`)), false},
	} {
		doc, err := decodeFast("plan.json", bytes.NewReader(c.data), nil)
		if (err == nil) != c.streamed {
			t.Errorf("%s: streaming pass error %v; want it to stream: %v", c.name, err, c.streamed)
		}
		if err == nil {
			for i, rc := range doc.changes {
				if rc == nil {
					continue
				}
				if want := fmt.Sprintf("module.m%d.aws_s3_bucket.b%d", i/100, i); rc.Address != want {
					t.Fatalf("%s: change %d is %s, want %s", c.name, i, rc.Address, want)
				}
				if doc.positions[i].line != i+2 || doc.positions[i].column != 1 {
					t.Fatalf("%s: change %d at %+v, want line %d column 1", c.name, i, doc.positions[i], i+2)
				}
			}
			m := doc.plan.Config.RootModule.ModuleCalls["m12"].Module
			if r := m.Resources[34]; r == nil || r.Name != "b1234" || r.Expressions["logging"] == nil {
				t.Fatalf("%s: configured resource 34 of module m12 is %+v, want b1234 with its logging block", c.name, r)
			}
		}
		sameAsSlow(t, c.name, c.data)
	}
	// The references of the configuration reach the facts.
	fs, err := parse(context.Background(), "plan.json", plan(at(n, "")), true)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		var i int
		if _, err := fmt.Sscanf(f.Name, "b%d", &i); err != nil {
			t.Fatalf("fact %s: %v", f.ID, err)
		}
		m, next := i/100, (i+1)%100+i/100*100
		want := fmt.Sprintf("module.m%d.aws_s3_bucket.b%d", m, next)
		if got := f.References["logging.target_bucket"]; len(got) != 1 || got[0] != want {
			t.Fatalf("fact %s refers to %v by logging.target_bucket, want %s", f.ID, got, want)
		}
	}
}
