"""Run the ``mkdocs`` command line with ``digest.build`` replaced by the fake.

Usage: python tests/site/run_mkdocs_with_fake_build.py build --config-file ...
"""

import sys

import fake_digest_build  # this script's folder is sys.path[0]
from mkdocs.__main__ import cli

sys.modules["digest.build"] = fake_digest_build

if __name__ == "__main__":
    cli(prog_name="mkdocs")
