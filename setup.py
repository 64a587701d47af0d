"""Builds briefing; everything but the extractor's compilation is declared in pyproject.toml.

The modules of ``briefing/extraction`` (all but its ``__init__``) are compiled
with mypyc into C extensions, which run the same rules about 1.6 times as fast
(``benchmarks/extract.py``). That needs a C compiler and Python's headers;
without them, or with ``BRIEFING_COMPILE=0``, the pure-Python extractor is
installed: the same results, slower. ``briefing.extraction.EXTRACTOR_BUILD``
says which one runs.
"""

import os
import shutil
import sys
import sysconfig
from pathlib import Path

from setuptools import setup

EXTRACTION = Path("briefing/extraction")


def missing_build_tools() -> str:
    """What stops a C extension being built here, or ""."""
    compiler = (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler})"
    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    if not headers.exists():
        return f"no Python headers ({headers}; Debian: apt install python3-dev)"
    return ""


def extraction_extensions() -> list:
    if os.environ.get("BRIEFING_COMPILE", "1") == "0":
        return []
    missing = missing_build_tools()
    if missing:
        sys.stderr.write(f"briefing: {missing}: installing the pure-Python extractor (same results, slower)\n")
        return []
    from mypyc.build import mypycify

    sources = sorted(str(path) for path in EXTRACTION.glob("*.py") if path.name != "__init__.py")
    return mypycify(sources, opt_level="3", group_name="briefing_extraction")


setup(ext_modules=extraction_extensions())
