#!/usr/bin/env python3
"""Writes the benchmark population straight into Prosody's internal storage (what prosodyctl
would write, one account at a time, far more slowly): accounts with SCRAM-SHA-1 credentials
(mod_auth_internal_hashed) and ring rosters like `bench population --roster-users`.
usage: prosody_accounts.py DATA_DIR DOMAIN USERS ROSTER_USERS ITERATIONS"""
import hashlib, hmac, os, sys

data, domain, users, ring, iterations = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
contacts = 50
host = os.path.join(data, domain.replace(".", "%2e"))
os.makedirs(os.path.join(host, "accounts"), exist_ok=True)
os.makedirs(os.path.join(host, "roster"), exist_ok=True)

for i in range(users):
    user, password = f"bench{i}", f"pw{i}"
    salt = os.urandom(12).hex()
    salted = hashlib.pbkdf2_hmac("sha1", password.encode(), salt.encode(), iterations)
    stored = hashlib.sha1(hmac.new(salted, b"Client Key", "sha1").digest()).hexdigest()
    server = hmac.new(salted, b"Server Key", "sha1").hexdigest()
    with open(os.path.join(host, "accounts", user + ".dat"), "w") as f:
        f.write('return {\n\t["iteration_count"] = %d;\n\t["salt"] = "%s";\n\t["stored_key"] = "%s";\n\t["server_key"] = "%s";\n};\n'
                % (iterations, salt, stored, server))
    if i < ring:
        items = []
        for d in range(1, contacts // 2 + 1):
            for c in ((i - d) % ring, (i + d) % ring):
                items.append('\t["bench%d@%s"] = { ["subscription"] = "both"; ["name"] = "bench%d"; ["groups"] = { ["bench"] = true; }; };\n'
                             % (c, domain, c))
        with open(os.path.join(host, "roster", user + ".dat"), "w") as f:
            f.write('return {\n\t[false] = { ["version"] = 1; ["pending"] = {}; };\n' + "".join(items) + "};\n")
print(f"wrote {users} accounts, {min(ring, users)} rosters", file=sys.stderr)
