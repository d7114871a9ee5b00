"""Where `import_hsds` reads from: every page of an HSDS API, a tabular package folder, an
organization with its services; and what it refuses to read."""

import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from django.core.management import CommandError, call_command

import pytest

from directory.models import ListingPage
from opendata.importer import readers


def service(number):
    return {"id": f"5e000000-0000-4000-8000-{number:012d}", "name": f"Service {number}"}


class Pages(BaseHTTPRequestHandler):
    """An HSDS API's /services: two pages of two services, in the spec's paging envelope."""

    def do_GET(self):
        page = int(parse_qs(urlsplit(self.path).query).get("page", ["1"])[0])
        body = {
            "total_items": 4,
            "total_pages": 2,
            "page_number": page,
            "size": 2,
            "first_page": page == 1,
            "last_page": page == 2,
            "empty": False,
            "contents": [service(2 * page - 1), service(2 * page)],
        }
        raw = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, *args):
        pass


@pytest.fixture
def api():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/api/services?per_page=2"
    server.shutdown()
    server.server_close()


def test_every_page_of_an_api_is_read(api):
    services, label = readers.read(api)

    assert [item["name"] for item in services] == [f"Service {n}" for n in range(1, 5)]
    assert label == api


@pytest.mark.django_db
def test_an_api_import_records_the_url_as_the_source(api, directory):
    call_command("import_hsds", api, stdout=io.StringIO(), stderr=io.StringIO())

    assert sorted(ListingPage.objects.values_list("imported_from", flat=True)) == [api] * 4


def test_an_unreachable_address_is_named(directory_free_port):
    with pytest.raises(readers.ReadError, match="Could not read http://127.0.0.1"):
        readers.read(f"http://127.0.0.1:{directory_free_port}/services")


@pytest.fixture
def directory_free_port():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    port = server.server_port
    server.server_close()  # nothing listens there any more
    return port


def test_a_package_folder_is_put_back_together(tmp_path):
    (tmp_path / "datapackage.json").write_text(
        json.dumps(
            {
                "resources": [
                    {"name": "service", "path": "services.csv"},
                    {"name": "phone", "path": "phones.csv"},
                    {"name": "language", "path": "languages.csv"},
                ]
            }
        )
    )
    (tmp_path / "services.csv").write_text("id,name,description\ns1,Pantry,'-Fresh food\n")
    (tmp_path / "phones.csv").write_text("id,service_id,number\np1,s1,'+12065550100\n")
    (tmp_path / "languages.csv").write_text("id,service_id,phone_id,code\nl1,,p1,es\nl2,s1,,vi\n")

    [pantry] = readers.read(tmp_path)[0]

    assert pantry["description"] == "-Fresh food"  # as written before the CSV protected it
    assert [phone["number"] for phone in pantry["phones"]] == ["+12065550100"]
    assert [lang["code"] for lang in pantry["phones"][0]["languages"]] == ["es"]
    assert [lang["code"] for lang in pantry["languages"]] == ["vi"]


def test_a_package_naming_files_outside_it_is_refused(tmp_path):
    (tmp_path / "datapackage.json").write_text(
        json.dumps({"resources": [{"name": "service", "path": "../secrets.csv"}]})
    )
    with pytest.raises(readers.ReadError, match="outside it"):
        readers.read(tmp_path)


def test_an_organization_brings_its_services():
    org = {"id": "o1", "name": "Collective", "services": [service(1), service(2)]}

    services = readers.services_in(org)

    assert [item["organization"]["name"] for item in services] == ["Collective"] * 2


@pytest.mark.django_db
def test_a_missing_file_is_named(directory, tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_hsds", str(tmp_path / "nope.json"), stdout=io.StringIO())
