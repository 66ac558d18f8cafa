

def pytest_configure(config):
    config.addinivalue_line("markers", "built: checks the built HTML and PDF (run after `make book`)")
