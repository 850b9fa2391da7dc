# annexa: build, test, benchmark and demo targets. Needs Go only; the stock
# OPA CLI used to check the Rego is run from the Go module proxy at the
# version annexa embeds.
GO      ?= go
OPA     ?= $(GO) run github.com/open-policy-agent/opa@v1.22.2
BIN     ?= bin/annexa
DEMO    ?= testdata/demo

FUZZTIME ?= 60s

.PHONY: build test test-go test-rego accuracy fmt-rego bench bench-go fuzz demo screenshot docs golden capabilities types clean

build:
	$(GO) build -o $(BIN) ./cmd/annexa

## test: everything CI runs: go vet, the Go tests, the stock OPA CLI over
## policies/, and the accuracy of the policies on the labelled corpus
test: test-go test-rego accuracy

test-go:
	$(GO) vet ./...
	$(GO) test -timeout 20m ./...

test-rego:
	@unformatted="$$($(OPA) fmt --list policies)"; \
	  if [ -n "$$unformatted" ]; then echo "opa fmt would change: $$unformatted (run make fmt-rego)"; exit 1; fi
	$(OPA) check --strict --capabilities policies/capabilities.json policies
	$(OPA) test policies

## accuracy: run the labelled corpus (testdata/accuracy) through the policies
## and print recall and false-positive rate per policy, per cloud and overall;
## fails when a policy misses one of its bad cases, fires on a good one, or
## judges nothing on a good one (docs/accuracy.md)
accuracy:
	$(GO) run ./internal/cmd/accuracy -corpus testdata/accuracy -require-cases

fmt-rego:
	$(OPA) fmt --write policies

## bench: end to end on generated projects of 1k, 10k and 100k facts and
## plans of 15k and 100k resources, then signing an evidence bundle of a 50k-fact project
## and verify --replay of it: wall time, CPU time, facts/s, peak memory
## against the memory bound of the input (150 MiB + 5 x input), and the ten
## slowest policies per size, beside the stock opa CLI on the same policies
## and facts. BENCH_SIZES, BENCH_PLANS and BENCH_REPLAY (0: no bundle rows)
## choose the sizes; each is run BENCH_RUNS times (median and fastest times,
## highest peak memory).
BENCH_SIZES ?= 1000,10000,100000
BENCH_PLANS ?= 15000,100000
BENCH_REPLAY ?= 50000
BENCH_RUNS ?= 3
bench: build bin/opa
	$(GO) run ./internal/cmd/bench -bin $(BIN) -opa bin/opa -sizes $(BENCH_SIZES) -plans $(BENCH_PLANS) -replay $(BENCH_REPLAY) -runs $(BENCH_RUNS)

## bench-go: the Go micro-benchmarks (engine, bundles, Terraform source)
bench-go:
	$(GO) test -run '^$$' -bench . -benchmem ./engine/ ./bundles/ ./providers/tfsource/

bin/opa:
	GOBIN=$(CURDIR)/bin $(GO) install github.com/open-policy-agent/opa@v1.22.2

## fuzz: run each parser fuzz target for FUZZTIME
fuzz:
	$(GO) test ./providers/tfplan/ -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	$(GO) test ./providers/tfsource/ -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	$(GO) test ./providers/input/ -run '^$$' -fuzz '^FuzzDecodeYAML$$' -fuzztime $(FUZZTIME)
	$(GO) test ./providers/input/ -run '^$$' -fuzz '^FuzzDecodeJSONMatchesYAML$$' -fuzztime $(FUZZTIME)
	$(GO) test ./providers/kubernetes/ -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME)
	$(GO) test ./providers/config/ -run '^$$' -fuzz '^FuzzSSHD$$' -fuzztime $(FUZZTIME)
	$(GO) test ./providers/config/ -run '^$$' -fuzz '^FuzzGitHub$$' -fuzztime $(FUZZTIME)
	$(GO) test ./providers/config/ -run '^$$' -fuzz '^FuzzGeneric$$' -fuzztime $(FUZZTIME)
	$(GO) test ./providers/applicability/ -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME)
	$(GO) test ./providers/riskregister/ -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME)

## demo: check the demo organisation in testdata/demo (its project file names
## a plan and evidence records; some findings are expected)
demo: build
	@$(BIN) check $(DEMO); \
	  code=$$?; if [ $$code -gt 1 ]; then exit $$code; fi

## screenshot: write the demo's HTML report to $(SCREENSHOTS)/demo.html and
## PNGs of it rendered in headless Chromium (overview, a failing control,
## the whole page, the page as printed); needs chromium on PATH
SCREENSHOTS ?= build/screenshots
screenshot: build
	@mkdir -p $(SCREENSHOTS)
	@$(BIN) check $(DEMO) --format html=$(SCREENSHOTS)/demo.html >/dev/null; \
	  code=$$?; if [ $$code -gt 1 ]; then exit $$code; fi
	$(GO) run ./internal/cmd/screenshot -in $(SCREENSHOTS)/demo.html -out $(SCREENSHOTS)

## docs: regenerate docs/cli, the command reference, from the commands' help
docs:
	$(GO) test ./cmd/annexa -run '^TestCLIDocsAreCurrent$$' -update-docs

## golden: rewrite testdata/golden, the pinned reports, after reviewing a change to them
golden:
	$(GO) test ./cmd/annexa -run '^TestGoldenOutput$$' -update-golden

## capabilities: regenerate the sandbox capabilities file for the OPA CLI
capabilities:
	$(GO) run ./cmd/annexa policy capabilities > policies/capabilities.json

clean:
	rm -rf bin build

## types: regenerate providers/tfsource/internal/schematypes/types.json.gz, the
## argument types of the AWS, AzureRM and Google resources, from the CDK for
## Terraform provider packages on npm (needs npm; CI does not run it)
CDKTF_AWS     ?= @cdktf/provider-aws@latest
CDKTF_AZURERM ?= @cdktf/provider-azurerm@latest
CDKTF_GOOGLE  ?= @cdktf/provider-google@latest
types:
	@tmp="$$(mktemp -d)"; trap 'rm -rf "$$tmp"' EXIT; set -e; \
	  for p in $(CDKTF_AWS) $(CDKTF_AZURERM) $(CDKTF_GOOGLE); do \
	    d="$$tmp/$$(echo $$p | sed 's|^@cdktf/||; s|@.*||')"; mkdir -p "$$d"; \
	    (cd "$$d" && npm pack --silent "$$p" >/dev/null && tar xzf *.tgz); \
	  done; \
	  $(GO) run ./providers/tfsource/internal/gentypes -o providers/tfsource/internal/schematypes/types.json.gz \
	    "$$tmp/provider-aws/package" "$$tmp/provider-azurerm/package" "$$tmp/provider-google/package"
