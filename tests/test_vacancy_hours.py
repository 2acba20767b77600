"""Hours per week of a vacancy with one open end read as an open range, on every page that shows them."""
import pytest

from models.enums import Role
from tests.helpers import visible_text

pytestmark = pytest.mark.usefixtures("index_snapshots")


@pytest.mark.parametrize("low,high,dutch,english", [
    (24, None, "vanaf 24 uur", "from 24 hours"),
    (None, 32, "tot 32 uur", "up to 32 hours"),
    (24, 32, "24–32 uur", "24–32 hours"),
])
def test_open_hours_ranges_read_as_such(as_role, client, make_vacancy, low, high, dutch, english):
    vacancy = make_vacancy(title="Orderpicker", hours_min=low, hours_max=high)
    as_role(Role.COORDINATOR)
    pages = (f"/werkgevers/{vacancy.employer_id}", f"/beheer/suggesties/vacature/{vacancy.id}",
             f"/vacatures/{vacancy.id}", "/vacatures/")
    for path in pages:
        for lang, wording in (("?lang=nl", dutch), ("?lang=en", english)):
            response = client.get(path + lang)
            assert response.status_code == 200, path
            text = visible_text(response.get_data(as_text=True))
            assert wording in text, (path, lang)
            assert "–None" not in text and "None–" not in text and "–?" not in text and "?–" not in text, (path, lang)
