package input

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Table is a CSV file with a header row: the column names, lower-cased and
// trimmed, and every data row with the line it starts on.
type Table struct {
	File    string
	Columns []string
	Rows    []Row
}

// Row is one data row of a Table.
type Row struct {
	// Line is the 1-based line the row starts on (a quoted field may span
	// lines).
	Line   int
	fields map[string]string
}

// Get returns the trimmed value of a column, "" when the column is absent.
func (r Row) Get(column string) string { return r.fields[column] }

// maxCSVRows bounds the data rows of one file; a register or an
// applicability file has tens or hundreds.
const maxCSVRows = 100_000

// DecodeCSV reads a CSV file whose first row names the columns. Every name
// must be one of allowed and every name in required must be present; blank
// lines are skipped. Errors name the file and line.
func DecodeCSV(file string, data []byte, required, allowed []string) (*Table, error) {
	data, err := CheckText(file, data)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	header, err := r.Read()
	if err != nil {
		return nil, csvError(file, err)
	}
	t := &Table{File: file}
	seen := map[string]bool{}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		if !slices.Contains(allowed, name) {
			line, _ := r.FieldPos(i)
			return nil, fmt.Errorf("%s:%d: unknown column %q (expected %s)", file, line, h, strings.Join(allowed, ", "))
		}
		if seen[name] {
			line, _ := r.FieldPos(i)
			return nil, fmt.Errorf("%s:%d: column %q appears twice", file, line, name)
		}
		seen[name] = true
		t.Columns = append(t.Columns, name)
	}
	for _, req := range required {
		if !seen[req] {
			return nil, fmt.Errorf("%s:1: the header has no %q column (required: %s)", file, req, strings.Join(required, ", "))
		}
	}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(file, err)
		}
		line, _ := r.FieldPos(0)
		if len(rec) != len(t.Columns) {
			return nil, fmt.Errorf("%s:%d: %d fields, but the header names %d columns", file, line, len(rec), len(t.Columns))
		}
		if len(t.Rows) >= maxCSVRows {
			return nil, fmt.Errorf("%s:%d: more than %d rows", file, line, maxCSVRows)
		}
		row := Row{Line: line, fields: make(map[string]string, len(rec))}
		for i, v := range rec {
			row.fields[t.Columns[i]] = strings.TrimSpace(v)
		}
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

func csvError(file string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s:%d:%d: invalid CSV: %v", file, pe.Line, pe.Column, pe.Err)
	}
	if errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: file is empty", file)
	}
	return fmt.Errorf("%s: %w", file, err)
}
