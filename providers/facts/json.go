package facts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// UnmarshalJSON reads a fact written by json.Marshal back into the values
// a provider produced, so that facts recorded in an evidence bundle evaluate
// exactly as they did: Index becomes an int (count) or a string (for_each)
// again rather than a float64, and numbers inside Attributes stay
// json.Number with their original text (providers keep them that way).
func (f *Fact) UnmarshalJSON(b []byte) error {
	// plain has Fact's fields without its methods, so decoding it does not
	// recurse; the two shadowing fields are decoded by hand.
	type plain Fact
	var aux struct {
		plain
		Index      json.RawMessage `json:"index,omitempty"`
		Attributes json.RawMessage `json:"attributes"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	*f = Fact(aux.plain)
	idx, err := decodeIndex(aux.Index)
	if err != nil {
		return fmt.Errorf("fact %q: %w", f.ID, err)
	}
	f.Index = idx
	f.Attributes = nil
	if len(aux.Attributes) > 0 && !bytes.Equal(aux.Attributes, []byte("null")) {
		dec := json.NewDecoder(bytes.NewReader(aux.Attributes))
		dec.UseNumber()
		if err := dec.Decode(&f.Attributes); err != nil {
			return fmt.Errorf("fact %q: attributes: %w", f.ID, err)
		}
	}
	return nil
}

// decodeIndex turns a JSON index back into int, string or nil.
func decodeIndex(raw json.RawMessage) (any, error) {
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return nil, nil
	}
	if raw[0] == '"' {
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	}
	n, err := strconv.Atoi(string(raw))
	if err != nil {
		return nil, fmt.Errorf("index %s is neither an integer count index nor a string for_each key", raw)
	}
	return n, nil
}

// DecodeAttributes decodes the fact's attributes into v (a pointer to a
// struct with JSON tags) by their JSON form, so that whole numbers read
// alike whether a provider made them (int64) or a facts file holds them
// (float64, json.Number). It decodes, it does not validate: the fact's
// schema has done that.
func (f *Fact) DecodeAttributes(v any) error {
	b, err := json.Marshal(f.Attributes)
	if err != nil {
		return fmt.Errorf("%s fact %q: %w", f.Kind, f.ID, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s fact %q: %w", f.Kind, f.ID, err)
	}
	return nil
}
