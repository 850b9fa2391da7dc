package annexa.lib.params_test

import data.annexa.lib.params

test_default if params.value("tls_min_version") == "1.2"
test_override if params.value("tls_min_version") == "1.3" with data.facts.parameters as {"tls_min_version": "1.3"}
