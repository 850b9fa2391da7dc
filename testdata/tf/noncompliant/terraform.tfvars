# Secrets kept next to the code, as many teams (wrongly) do. annexa must
# never print them.
db_password = "Zx9-Kp2!vRq7-Lm4#Tw8"
api_token   = "tok_live_51HxQ2eZvKYlo2CwA7aP"
