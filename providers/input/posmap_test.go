package input

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// nestedLongKeys is a JSON file of about 275 KB: 64 objects nested under
// keys of 1,000 characters (YAML allows no longer), the innermost holding many short fields. A
// position map that stores the full JSON pointer of every value stores
// 64 KB for each of them, about 1 GB in all.
func nestedLongKeys() []byte {
	var b strings.Builder
	const depth, keyLen = 64, 1000
	for i := 0; i < depth; i++ {
		fmt.Fprintf(&b, "{%q:", fmt.Sprintf("%d", i)+strings.Repeat("k", keyLen))
	}
	b.WriteString("{")
	for i := 0; b.Len() < 275_000-depth-8; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "%q:%d", fmt.Sprintf("f%d", i), i)
	}
	b.WriteString("}")
	b.WriteString(strings.Repeat("}", depth))
	return []byte(b.String())
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// TestPositionMapMemory: positions of deeply nested values under long keys
// cost memory in proportion to the file, not to the length of their paths.
func TestPositionMapMemory(t *testing.T) {
	data := nestedLongKeys()
	before := heapInUse()
	docs, err := DecodeYAML("nested.json", data, DecodeLimits{})
	if err != nil {
		t.Fatal(err)
	}
	used := heapInUse() - before
	t.Logf("%d KB file: %.1f MiB held after decoding", len(data)/1000, float64(used)/(1<<20))
	if used > 64<<20 {
		t.Errorf("decoding a %d KB file holds %.0f MiB", len(data)/1000, float64(used)/(1<<20))
	}
	// Positions still resolve, deep ones included.
	ptr := ""
	for i := 0; i < 64; i++ {
		ptr += "/" + fmt.Sprintf("%d", i) + strings.Repeat("k", 1000)
	}
	if p := docs[0].Pos(ptr + "/f3"); p.Line != 1 || p.Col == 0 {
		t.Errorf("pos of a deep field = %+v", p)
	}
	if p := docs[0].Pos(ptr + "/missing"); p != docs[0].Pos(ptr) || p.Col == 0 {
		t.Errorf("pos of a missing deep field = %+v, want its parent's %+v", p, docs[0].Pos(ptr))
	}
	runtime.KeepAlive(docs)
}

// BenchmarkPositionMap reports the memory decoding the nested long keys
// file allocates.
func BenchmarkPositionMap(b *testing.B) {
	data := nestedLongKeys()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := DecodeYAML("nested.json", data, DecodeLimits{}); err != nil {
			b.Fatal(err)
		}
	}
}
