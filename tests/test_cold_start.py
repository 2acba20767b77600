"""Start-up stays light: the matcher's numeric libraries are imported where they are used, not at boot."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("sklearn", "scipy", "numpy", "matching.space", "matching.linker", "matching.index", "matching.semantic")


def test_the_app_starts_without_importing_the_matchers_numeric_libraries():
    script = ("import sys; from app import create_app; create_app({'TESTING': True, 'WERKBRUG_ENV': 'testing'}); "
              f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True,
                          timeout=300)
    assert done.stdout.strip() == "", f"imported at boot: {done.stdout.strip()}"
