"""The employer page's <title> is the employer's name, not a copy of the page."""
import re

from models.enums import Role


def test_employer_page_title_is_just_the_name(as_role, client, make_employer):
    employer = make_employer(name="Polderbakkerij Noord")
    as_role(Role.ACCOUNT_MANAGER)
    html = client.get(f"/werkgevers/{employer.id}").get_data(as_text=True)
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title.strip() == "Polderbakkerij Noord · Werkbrug"
    assert html.count('id="contact-vastleggen"') == 1
