package jsonscan

import "testing"

func TestStrings(t *testing.T) {
	tests := []struct {
		name, text string
		// want marks with 's' each byte Step must report as a string's.
		want string
	}{
		{"structure", `{"a":[1, 2]}`, `.sss........`},
		{"escaped quote", `["a\"b",1]`, `.ssssss...`},
		{"escaped backslash", `["a\\",1]`, `.sssss...`},
		{"brackets inside", `{"x":"[,]"}`, `.sss.sssss.`},
		{"empty string", `"" ""`, `ss.ss`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if len(tt.want) != len(tt.text) {
				t.Fatalf("bad case: want has %d marks for %d bytes", len(tt.want), len(tt.text))
			}
			var s Strings
			got := make([]byte, len(tt.text))
			for i := range len(tt.text) {
				got[i] = '.'
				if s.Step(tt.text[i]) {
					got[i] = 's'
				}
			}
			if string(got) != tt.want {
				t.Errorf("Step over %s\n got %s\nwant %s", tt.text, got, tt.want)
			}
			if s.In() {
				t.Errorf("text ends inside a string")
			}
		})
	}
}

func TestInAfterClose(t *testing.T) {
	var s Strings
	for _, c := range []byte(`"ab`) {
		s.Step(c)
	}
	if !s.In() {
		t.Fatal("an open string is not reported")
	}
	if !s.Step('"') || s.In() {
		t.Fatal("the closing quote is not a string byte that ends the string")
	}
}
