def pytest_configure(config):
    config.addinivalue_line(
        "markers", "concurrency: starts gunicorn on its own database; select with -m concurrency"
    )
