"""Units anywhere in Vietnam (issue 19): every province's registry built in, exact spelling
wins over the looser keys, a stated type must agree, and a user's own registry file extends
or replaces the built-in one."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

import pytest

import ctr_stats
import ctr_stats.api
from ctr_stats.catalogue import builtin_registries, load_registry, registry_info
from ctr_stats.errors import UsageError
from ctr_stats.text import faithful, fold
from ctr_stats.units import UnitMatcher

from .helpers import write_xlsx

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
REGISTRIES = [info.name for info in builtin_registries()]
HEADER = [
    ["STT", "Đơn vị", "Đảng viên mới kết nạp", None, None],
    [None, None, "Kế hoạch", "Thực hiện", "Cùng kỳ"],
]


def _figures(code: str) -> tuple[int, int, int]:
    n = int(code)
    return n % 41 + 5, n % 37 + 3, n % 29 + 2


def _errors(report: ctr_stats.Report) -> list[str]:
    return [f.message_en for f in report.findings if f.severity == "error"]


# ---------------------------------------------------------------- every built-in registry


def test_every_province_and_city_is_built_in() -> None:
    after = [info for info in builtin_registries() if info.valid_from == "2025-07-01"]
    assert len(after) == 34
    assert sum(len(load_registry(info.name).units) for info in after) == 3321
    assert {"ho-chi-minh-2025", "hai-phong-2025", "quang-ngai-2025", "ha-noi-2025"} <= {
        info.name for info in after
    }
    assert load_registry("hanoi-2025") is load_registry("ha-noi-2025")
    assert len(load_registry("hanoi-2024").units) == 30
    for info in after:  # named after the province, folded, without "Thành phố" / "Tỉnh"
        bare = info.province.removeprefix("Thành phố ").removeprefix("Tỉnh ")
        assert info.name == fold(bare).replace(" ", "-") + "-2025"
        assert "vietnam-provinces 2025.10.1" in info.source


@pytest.mark.parametrize("name", REGISTRIES)
def test_consolidated_sheet_of_every_registry_resolves_every_unit(
    name: str, tmp_path: Path
) -> None:
    """A province's consolidated sheet, a row per unit by its official name, titled with
    the province and the period: every unit found, the totals the rows' sums."""
    info = registry_info(name)
    assert info is not None
    registry = load_registry(name)
    year = 2024 if info.valid_until else 2026
    city = info.province.startswith("Thành phố")
    title = f"ĐẢNG BỘ {info.province.upper()}" if not city or year == 2026 else "THÀNH ỦY HÀ NỘI"
    rows: list[list[object]] = [
        [title],
        ["BAN TỔ CHỨC"],
        [f"BIỂU TỔNG HỢP KẾT QUẢ KẾT NẠP ĐẢNG VIÊN 6 THÁNG ĐẦU NĂM {year}"],
        *HEADER,
    ]
    for n, unit in enumerate(registry.units, start=1):
        rows.append([n, unit.full_name, *_figures(unit.code)])
    sums = [sum(_figures(u.code)[i] for u in registry.units) for i in range(3)]
    rows.append(["Tổng cộng", None, *sums])
    path = write_xlsx(tmp_path / f"{name}.xlsx", {"KN": rows}, {"KN": ["A4:A5", "B4:B5", "C4:E4"]})
    # Hanoi's by the period alone; another province by its name, as a clerk would write it
    chosen = None if info.province_code == "01" else info.province.removeprefix("Tỉnh ")
    report = ctr_stats.compute([path], registry=chosen)
    assert report.registry == name
    assert _errors(report) == []
    assert {u.code for u in report.units} == {u.code for u in registry.units}
    total = report.total("admission.total")
    assert total is not None
    assert (total.figures.plan, total.figures.actual, total.figures.prior) == tuple(sums)


# ---------------------------------------------------------------- exact spelling wins

PAIRS = [
    ("ho-chi-minh-2025", "Thanh An", "Thạnh An"),
    ("hai-phong-2025", "Cẩm Giang", "Cẩm Giàng"),
    ("quang-ngai-2025", "Sơn Hạ", "Sơn Hà"),
    ("quang-ngai-2025", "Ba Tô", "Ba Tơ"),
    ("dong-nai-2025", "Lộc Thành", "Lộc Thạnh"),
    ("tay-ninh-2025", "Tân Thành", "Tân Thạnh"),
    ("dong-thap-2025", "Tân Thành", "Tân Thạnh"),
    ("thai-nguyen-2025", "Văn Lăng", "Văn Lang"),
]


@pytest.mark.parametrize(("registry", "first", "second"), PAIRS)
def test_diacritic_pairs_resolve_when_spelled_exactly(
    registry: str, first: str, second: str
) -> None:
    matcher = UnitMatcher(load_registry(registry))
    for name in (first, second):
        for written in (
            f"Xã {name}",
            # a bare name with no diacritic at all ("Thanh An") reads as one written
            # without them: ambiguous, below; "Xã Thanh An" is spelled exactly
            *([name] if not name.isascii() else []),
            f"ĐẢNG ỦY XÃ {name.upper()}",
            f"Đảng bộ xã {name}",
            unicodedata.normalize("NFD", f"XÃ {name}"),
        ):
            match = matcher.match(written)
            assert match.unit is not None, written
            assert (match.unit.name, match.unit.type, match.level) == (name, "xã", "exact")


@pytest.mark.parametrize(("registry", "first", "second"), PAIRS)
def test_diacritic_pairs_are_ambiguous_without_diacritics(
    registry: str, first: str, second: str
) -> None:
    matcher = UnitMatcher(load_registry(registry))
    for written in (fold(first), fold(first).upper(), f"DANG UY XA {fold(second).upper()}"):
        match = matcher.match(written)
        assert match.unit is None, written
        assert {u.name for u in match.candidates} == {first, second}


def test_an_ambiguous_title_names_both_units_in_the_finding(tmp_path: Path) -> None:
    path = _commune_workbook(tmp_path / "ba-to.xlsx", "DANG UY XA BA TO")
    report = ctr_stats.compute([path], registry="quang-ngai-2025")
    found = [f for f in report.findings if f.code == "ambiguous-unit"]
    assert len(found) == 1
    assert "Xã Ba Tô (21523)" in found[0].message_vi and "Xã Ba Tơ (21484)" in found[0].message_vi
    assert "đủ dấu" in found[0].message_vi and "diacritics" in found[0].message_en


def test_tone_placement_and_letter_forms_are_the_same_spelling() -> None:
    assert faithful("Hòa") == faithful("Hoà") and faithful("Thủy") == faithful("Thuỷ")
    assert faithful("\u00d0ống \u00d0a") == faithful("Đống Đa")
    assert faithful("Sơn Hạ") != faithful("Sơn Hà") and faithful("Ba Tô") != faithful("Ba Tơ")
    matcher = UnitMatcher(load_registry("hanoi-2024"))
    for written in ("Ứng Hoà", "Ứng Hòa", "HUYỆN ỦY ỨNG HOÀ", "Huyện uỷ Ứng Hòa"):
        unit = matcher.match(written).unit
        assert unit is not None and unit.code == "281", written


def test_a_looser_key_decides_only_when_unique() -> None:
    matcher = UnitMatcher(load_registry("quang-ngai-2025"))
    wrong_tone = matcher.match("Xã Sơn Ha")  # the tone missing: Sơn Hạ or Sơn Hà
    assert wrong_tone.unit is None and wrong_tone.level == "toneless"
    assert {u.name for u in wrong_tone.candidates} == {"Sơn Hạ", "Sơn Hà"}
    unique = matcher.match("Xa Tra Bong")  # no diacritic, one unit
    assert unique.unit is not None and (unique.unit.name, unique.level) == ("Trà Bồng", "loose")


def test_aliases_follow_the_same_order(tmp_path: Path) -> None:
    units = tmp_path / "units.csv"
    units.write_text(
        "code,name,type,aliases\nA,Bộ đội Biên phòng,,Đảng ủy Biên phòng|BĐBP\n"
        "B,Bộ đội Biên phòng Cũ,,Đảng ủy Biên phòng cũ|BĐBP cũ|Biên phong\n",
        encoding="utf-8",
    )
    matcher = UnitMatcher(ctr_stats.api.registry_in_force(None, units, True))
    for written, code in (("ĐẢNG ỦY BIÊN PHÒNG", "A"), ("Biên phong", "B"), ("BĐBP cũ", "B")):
        match = matcher.match(written)
        assert match.unit is not None and match.unit.code == code, written
    both = matcher.match("Bien phong")  # "Biên phòng" and "Biên phong" without diacritics
    assert {u.code for u in both.candidates} == {"A", "B"}


# ---------------------------------------------------------------- types respected


@pytest.mark.parametrize(
    ("registry", "written", "code"),
    [
        ("ha-noi-2025", "Phường Ba Đình", "00004"),
        ("ha-noi-2025", "P. Ba Đình", "00004"),
        ("ha-noi-2025", "Đảng ủy phường Ba Đình", "00004"),
        ("ha-noi-2025", "Đảng ủy xã Sóc Sơn", "00376"),
        ("hanoi-2024", "Q.Ba Đình", "001"),
        ("hanoi-2024", "Quận ủy Ba Đình", "001"),
        ("hanoi-2024", "H. Sóc Sơn", "016"),
        ("hanoi-2024", "Thị ủy Sơn Tây", "269"),
        ("hanoi-2024", "TX Sơn Tây", "269"),
        ("ho-chi-minh-2025", "ĐẢNG BỘ ĐẶC KHU CÔN ĐẢO", "26732"),
        ("dien-bien-2025", "Xã Xa Dung", "03208"),
        ("dien-bien-2025", "Xa Dung", "03208"),
    ],
)
def test_a_stated_type_that_agrees(registry: str, written: str, code: str) -> None:
    unit = UnitMatcher(load_registry(registry)).match(written).unit
    assert unit is not None and unit.code == code


@pytest.mark.parametrize(
    ("registry", "written", "other"),
    [
        ("ha-noi-2025", "Quận Ba Đình", "Phường Ba Đình"),
        ("ha-noi-2025", "ĐẢNG BỘ QUẬN BA ĐÌNH", "Phường Ba Đình"),
        ("ha-noi-2025", "Q. Ba Đình", "Phường Ba Đình"),
        ("ha-noi-2025", "Huyện ủy Sóc Sơn", "Xã Sóc Sơn"),
        ("ha-noi-2025", "TX Sơn Tây", "Phường Sơn Tây"),
        ("ha-noi-2025", "Thị trấn Sóc Sơn", "Xã Sóc Sơn"),
        ("hanoi-2024", "Phường Ba Đình", "Quận Ba Đình"),
        ("hanoi-2024", "Xã Sóc Sơn", "Huyện Sóc Sơn"),
        ("ho-chi-minh-2025", "Xã Côn Đảo", "Đặc khu Côn Đảo"),
        ("quang-ngai-2025", "Phường Ba Tơ", "Xã Ba Tơ"),
    ],
)
def test_a_stated_type_that_contradicts_is_no_match(
    registry: str, written: str, other: str
) -> None:
    match = UnitMatcher(load_registry(registry)).match(written)
    assert match.unit is None and match.candidates == ()
    assert [u.full_name for u in match.other_type] == [other]


def test_district_workbooks_with_the_commune_registry_are_no_match() -> None:
    """The 2023 district files titled "ĐẢNG BỘ QUẬN BA ĐÌNH" against the 2025 communes:
    nothing attributed (it was: totals of 9.698), each finding says where the unit is."""
    report = ctr_stats.compute([SAMPLES / "2023"], registry="hanoi-2025")
    unknown = [f for f in report.findings if f.code == "unknown-unit"]
    assert len({f.file for f in unknown}) == 30
    assert report.units == ()
    total = report.total("admission.total")
    assert total is None or total.figures.actual is None
    ba_dinh = next(f for f in unknown if f.file and f.file.endswith("ba-dinh.xlsx"))
    assert "Phường Ba Đình (00004) là phường, không phải quận" in ba_dinh.message_vi
    assert "Quận Ba Đình trong danh mục hanoi-2024" in ba_dinh.message_vi
    assert "until 30 June 2025" in ba_dinh.message_en


def test_an_unknown_name_says_which_province_has_it(tmp_path: Path) -> None:
    path = _commune_workbook(tmp_path / "ba-to.xlsx", "ĐẢNG ỦY XÃ BA TƠ")
    report = ctr_stats.compute([path])  # the default: Hanoi's communes for 2026
    finding = next(f for f in report.findings if f.code == "unknown-unit")
    assert "Xã Ba Tơ in registry quang-ngai-2025 (Tỉnh Quảng Ngãi" in finding.message_en
    fixed = ctr_stats.compute([path], registry="quang-ngai")
    assert {u.code for u in fixed.units} == {"21484"}
    assert {f.code for f in fixed.findings} == {"missing-unit"}  # the 95 other communes


# ---------------------------------------------------------------- 1,000 commune workbooks

FORM_TITLE = "UNIT-TITLE-PLACEHOLDER"  # ASCII: openpyxl writes other letters as &#NNN;


def _commune_workbook(path: Path, title: str, template: Path | None = None) -> Path:
    """A commune's own form: its title, the period, two party cells and their total. Made
    once, then copied with another title (the shared strings rewritten), as units do."""
    if template is None:
        rows: list[list[object]] = [
            [title],
            ["BIỂU TỔNG HỢP KẾT QUẢ KẾT NẠP ĐẢNG VIÊN 6 THÁNG ĐẦU NĂM 2026"],
            ["STT", "Đơn vị", "Đảng viên mới kết nạp", None, None],
            [None, None, "Kế hoạch", "Thực hiện", "Cùng kỳ"],
            [1, "Chi bộ thôn 1", 3, 4, 2],
            [2, "Chi bộ thôn 2", 2, 1, 3],
            ["Tổng cộng", None, 5, 5, 5],
        ]
        return write_xlsx(path, {"KN": rows}, {"KN": ["A3:A4", "B3:B4", "C3:E3"]})
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("xl/"):  # inline or shared strings
                data = data.replace(FORM_TITLE.encode(), title.encode())
            target.writestr(info, data)
    return path


def test_a_thousand_commune_workbooks_spelled_exactly_all_resolve(tmp_path: Path) -> None:
    """1,000 communes of eight provinces (those with the pairs of the issue among them),
    each workbook titled with its name as spelled, in three ways titles are written."""
    template = _commune_workbook(tmp_path / "form.xlsx", FORM_TITLE)
    provinces = [
        "ho-chi-minh-2025",
        "quang-ngai-2025",
        "hai-phong-2025",
        "dong-nai-2025",
        "tay-ninh-2025",
        "dong-thap-2025",
        "thai-nguyen-2025",
        "thanh-hoa-2025",
        "ha-noi-2025",
    ]
    made = 0
    plan: list[tuple[str, Path, set[str]]] = []
    for name in provinces:
        info = registry_info(name)
        assert info is not None
        folder = tmp_path / name
        folder.mkdir()
        codes = set()
        for unit in load_registry(name).units[: 1000 - made]:
            kind = unit.type
            title = (
                f"ĐẢNG ỦY {kind.upper()} {unit.name.upper()}",
                f"Đảng bộ {kind} {unit.name}",
                f"ĐẢNG BỘ {info.province.upper()} ĐẢNG ỦY {kind.upper()} {unit.name.upper()}",
            )[made % 3]
            _commune_workbook(folder / f"{unit.code}.xlsx", title, template)
            codes.add(unit.code)
            made += 1
        plan.append((name, folder, codes))
        if made == 1000:
            break
    assert made == 1000
    resolved = 0
    for name, folder, codes in plan:
        report = ctr_stats.compute([folder], registry=name)
        problems = [f.message_en for f in report.findings if f.code != "missing-unit"]
        assert problems == []
        assert {u.code for u in report.units} == codes
        total = report.total("admission.total")
        assert total is not None and total.figures.actual == 5 * len(codes)
        resolved += len(codes)
    assert resolved == 1000


# ---------------------------------------------------------------- choosing and extending


def test_the_registry_in_force_follows_the_period_and_the_province() -> None:
    parse = ctr_stats.parse_period
    assert ctr_stats.api.registry_for(parse("2025-h1")) == "hanoi-2024"
    assert ctr_stats.api.registry_for(parse("2025-9m")) == "ha-noi-2025"
    assert ctr_stats.api.registry_for(None) == "hanoi-2024"
    resolve = ctr_stats.catalogue.resolve_name
    assert resolve("Quảng Ngãi", parse("2026")) == "quang-ngai-2025"
    assert resolve("TP. Hồ Chí Minh", None) == "ho-chi-minh-2025"
    assert resolve("hcm", parse("2025")) == "ho-chi-minh-2025"
    assert resolve("ha-noi", parse("2024")) == "hanoi-2024"
    assert resolve("Hà Nội", parse("2025")) == "ha-noi-2025"
    with pytest.raises(UsageError) as before:
        resolve("quang-ngai", parse("2024"))
    assert "--units-only" in before.value.message and "--units-only" in before.value.message_en
    with pytest.raises(UsageError) as unknown:
        resolve("quang-ngia-2025", None)
    assert "quang-ngai-2025" in unknown.value.message  # the closest names suggested


def test_units_file_extends_and_units_only_replaces(tmp_path: Path) -> None:
    own = tmp_path / "truc-thuoc.csv"
    own.write_text(
        "code,name,type,aliases\n"
        "CA,Công an Thành phố,,Đảng ủy Công an Thành phố|Đảng bộ Công an TP\n"
        "00004,Ba Đình,phường,Phường Ba Đình cũ\n",
        encoding="utf-8",
    )
    extended = ctr_stats.api.registry_in_force("ha-noi-2025", own)
    assert extended.name == "ha-noi-2025+truc-thuoc"
    assert len(extended.units) == 127 and extended.units[-1].code == "CA"
    assert extended.by_code("00004").aliases == ("Phường Ba Đình cũ",)  # replaced by code
    matcher = UnitMatcher(extended)
    for written, code in (("ĐẢNG ỦY CÔNG AN THÀNH PHỐ", "CA"), ("Xã Sóc Sơn", "00376")):
        unit = matcher.match(written).unit
        assert unit is not None and unit.code == code
    assert matcher.match("Phường Công an Thành phố").unit is None  # no territory: no phường
    alone = ctr_stats.api.registry_in_force(None, own, units_only=True)
    assert [u.code for u in alone.units] == ["CA", "00004"]
    with pytest.raises(UsageError):
        ctr_stats.api.registry_in_force("ha-noi-2025", own, units_only=True)


def test_a_users_unit_may_not_take_a_built_in_units_name(tmp_path: Path) -> None:
    own = tmp_path / "units.csv"
    own.write_text("code,name,type\nX1,Sóc Sơn,xã\n", encoding="utf-8")
    with pytest.raises(UsageError) as raised:
        ctr_stats.api.registry_in_force("ha-noi-2025", own)
    assert "dòng 2" in raised.value.message and "00376" in raised.value.message
    assert "line 2" in raised.value.message_en


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1258"])
def test_units_file_in_the_encodings_excel_saves(encoding: str, tmp_path: Path) -> None:
    """As data files are read (issue 22): a cp1258 file was refused with Python's codec text."""
    from .corpus.make_corpus import cp1258

    text = "mã;tên;loại;tên khác\r\nT1;Ứng Hòa;huyện;UH\r\nT2;Thị xã Sơn Tây;TX;\r\n"
    path = tmp_path / "units.csv"
    path.write_bytes(cp1258(text) if encoding == "cp1258" else text.encode(encoding))
    registry = ctr_stats.api.registry_in_force(None, path, units_only=True)
    assert [(u.code, u.name, u.type, u.aliases) for u in registry.units] == [
        ("T1", "Ứng Hòa", "huyện", ("UH",)),
        ("T2", "Sơn Tây", "thị xã", ()),  # the name after its own type
    ]


@pytest.mark.parametrize(
    ("content", "line", "vi", "en"),
    [
        (
            'code,name,type\n001,Ba Đình,quận\n002,"Hoàn Kiếm,quận\n003,Tây Hồ,quận\n',
            3,
            "ngoặc kép",
            "unterminated quote",
        ),
        (
            "code,name,type\n001,Ba Đình,quận\n001,Tây Hồ,quận\n",
            3,
            "mã 001 đã có ở dòng 2",
            "code 001 already appears on line 2",
        ),
        ("code,name,type\n001,Ba Đình, Hà Nội,quận\n", 2, "ngoặc kép", "must be quoted"),
        ("code,name,type\n001,,quận\n", 2, "thiếu mã hoặc tên", "must not be empty"),
        ("ten,loai\nBa Đình,quận\n", 1, "dòng tiêu đề", "heading row"),
        ("# a comment\ncode,name\nA,Ba Đình\nB,Ba Đình\n", 4, "dòng 3", "line 3"),
        (  # one unit's alias, the other's full name
            "code,name,type,aliases\nA,Kim Long,phường,\nB,Hương Long,phường,Phường Kim Long\n",
            3,
            "tên khác 'Phường Kim Long' của Phường Hương Long (B) trùng tên với Phường Kim Long (A)",
            "the alias 'Phường Kim Long' of Phường Hương Long (B) is a name of Phường Kim Long (A)",
        ),
        (  # trial 38, case 3: a comma in a name, unquoted (Excel's trailing commas kept)
            "code,name,type,aliases\nTP,Sở Tư pháp,,\nVH,Sở Văn hóa, Thể thao và Du lịch,,\n",
            3,
            "tên 'Sở Văn hóa, Thể thao và Du lịch' có dấu phẩy: đặt tên trong ngoặc kép",
            "the name 'Sở Văn hóa, Thể thao và Du lịch' holds a comma: quote it",
        ),
        (  # trial 38, case 1: the party body's words before another unit's name
            "code,name,type,aliases\nTP,Sở Tư pháp,,\nBPC,Ban Pháp chế,,Đảng bộ Sở Tư pháp\n",
            3,
            "tên khác 'Đảng bộ Sở Tư pháp' của Ban Pháp chế (BPC) trùng tên với Sở Tư pháp (TP)",
            "the alias 'Đảng bộ Sở Tư pháp' of Ban Pháp chế (BPC) is a name of Sở Tư pháp (TP)",
        ),
    ],
)
def test_a_malformed_units_file_is_a_usage_error_naming_its_line(
    content: str, line: int, vi: str, en: str, tmp_path: Path
) -> None:
    path = tmp_path / "units.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError) as raised:
        ctr_stats.api.registry_in_force(None, path, units_only=True)
    error = raised.value
    assert error.exit_code == 2 and error.file == str(path)
    assert error.message.startswith(f"dòng {line}: ") and vi in error.message
    assert error.message_en.startswith(f"line {line}: ") and en in error.message_en


def test_spaces_after_the_commas_and_free_types_are_kept(tmp_path: Path) -> None:
    """A file written "001, Ba Đình, quận" throughout, or with a type of its own after a
    space, is no name cut by a comma."""
    path = tmp_path / "units.csv"
    path.write_text(
        "code,name,type\n001,Ba Đình, quận\n002, Hoàn Kiếm, quận\n003,Sở Tư pháp, đảng bộ cơ sở\n",
        encoding="utf-8",
    )
    registry = ctr_stats.api.registry_in_force(None, path, units_only=True)
    assert [(u.name, u.type) for u in registry.units] == [
        ("Ba Đình", "quận"),
        ("Hoàn Kiếm", "quận"),
        ("Sở Tư pháp", "đảng bộ cơ sở"),
    ]


def test_a_units_path_that_is_no_regular_file(tmp_path: Path) -> None:
    for path in (tmp_path / "missing.csv", tmp_path):
        with pytest.raises(UsageError) as raised:
            ctr_stats.api.registry_in_force(None, path, units_only=True)
        assert "không có tệp" in raised.value.message and "no such" in raised.value.message_en
    fifo = tmp_path / "fifo.csv"
    import os

    os.mkfifo(fifo)
    with pytest.raises(UsageError):
        ctr_stats.api.registry_in_force(None, fifo, units_only=True)


def test_the_registry_csv_of_show_reads_back(tmp_path: Path) -> None:
    from ctr_stats.render.units import render_show_csv

    path = tmp_path / "hcm.csv"
    path.write_text(render_show_csv(load_registry("ho-chi-minh-2025")), encoding="utf-8")
    copy = ctr_stats.api.registry_in_force(None, path, units_only=True)
    assert copy.units == load_registry("ho-chi-minh-2025").units


# ---------------------------------------------------------------- the command line


def test_units_list_show_and_find_on_the_command_line(tmp_path: Path) -> None:
    from .test_cli import run

    listed = run("units", "list")
    assert listed.returncode == 0
    lines = listed.stdout.splitlines()
    assert lines[0].split() == ["danh", "mục", "tỉnh,", "thành", "phố", "đơn", "vị", "hiệu", "lực"]
    assert (
        "quang-ngai-2025   Tỉnh Quảng Ngãi        96 (9 phường, 86 xã, 1 đặc khu)" in listed.stdout
    )
    assert "3.321 đơn vị" in listed.stdout
    assert "3,321 units" in run("units", "list", "--lang", "en").stdout

    shown = run("units", "show", "quang-ngai-2025")
    assert shown.returncode == 0
    assert "21484  Xã Ba Tơ" in shown.stdout and "vietnam-provinces 2025.10.1" in shown.stdout
    as_csv = run("units", "show", "hanoi", "--format", "csv", "--period", "2024")
    assert as_csv.stdout.splitlines()[:2] == ["code,name,type,aliases", "001,Ba Đình,quận,"]

    found = run("units", "find", "ĐẢNG ỦY XÃ BA TƠ", "--registry", "quang-ngai-2025")
    assert (found.returncode, found.stdout) == (
        0,
        "'ĐẢNG ỦY XÃ BA TƠ' → Xã Ba Tơ (21484), danh mục quang-ngai-2025: đúng chính tả\n",
    )
    both = run("units", "find", "Ba To", "--registry", "quang-ngai", "--lang", "en")
    assert both.returncode == 1
    assert "Xã Ba Tơ (21484), Xã Ba Tô (21523)" in both.stdout and "diacritics" in both.stdout
    wrong_type = run("units", "find", "Quận Ba Đình", "--period", "2026")
    assert wrong_type.returncode == 1
    assert "Phường Ba Đình (00004) là phường, không phải quận" in wrong_type.stdout
    assert "hanoi-2024" in wrong_type.stdout
    config = tmp_path / "ctr-stats.toml"
    config.write_text('registry = "Quảng Ngãi"\nperiod = "2026"\n', encoding="utf-8")
    by_config = run("units", "find", "Xã Sơn Hạ", cwd=tmp_path)
    assert by_config.returncode == 0 and "quang-ngai-2025" in by_config.stdout


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_registry_errors_on_the_command_line_speak_the_chosen_language(
    lang: str, tmp_path: Path
) -> None:
    from .test_cli import run

    units = tmp_path / "units.csv"
    units.write_text('code,name,type\n001,"Ba Đình,quận\n002,Tây Hồ,quận\n', encoding="utf-8")
    for args, words in (
        (("--units", str(units)), ("dòng 2", "line 2")),
        (("--units-only", str(units)), ("dòng 2", "line 2")),
        (("--units", str(units), "--units-only", str(units)), ("không cả hai", "not both")),
        (("--registry", "quang-ngai-2024"), ("không có danh mục", "no built-in registry")),
        (("--registry", "quang-ngai"), ("Tỉnh Quảng Ngãi", "Tỉnh Quảng Ngãi")),
    ):
        result = run("compute", "data/samples/2023", *args, "--lang", lang)
        assert result.returncode == 2, args
        assert words[0 if lang == "vi" else 1] in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr


def test_help_names_both_ways_of_giving_units() -> None:
    from .test_cli import run

    text = run("compute", "--help").stdout
    assert "--units FILE" in text and "--units-only FILE" in text
    assert "units" in run("--help").stdout


def test_configuration_names_a_province_and_its_own_units(tmp_path: Path) -> None:
    from ctr_stats.checks import check
    from ctr_stats.config import load_config

    path = _commune_workbook(tmp_path / "ba-to.xlsx", "ĐẢNG ỦY XÃ BA TƠ")
    config = tmp_path / "ctr-stats.toml"
    config.write_text('registry = "quang-ngai"\n', encoding="utf-8")
    result = check([path], config=load_config(config), partial=True)
    assert result.report.registry == "quang-ngai-2025" and result.findings == ()
    (tmp_path / "own.csv").write_text("code,name\nBT,Ba Tơ cũ\n", encoding="utf-8")
    config.write_text('units_only = "own.csv"\n', encoding="utf-8")
    result = check([path], config=load_config(config))
    assert [f.code for f in result.findings] == ["unknown-unit", "missing-unit"]
    config.write_text('registry = "hanoi-2024"\nunits_only = "own.csv"\n', encoding="utf-8")
    with pytest.raises(UsageError) as raised:
        load_config(config)
    assert "units_only" in raised.value.message and "units_only" in raised.value.message_en


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("ĐẢNG BỘ CỬA NAM", "00073"),  # no type word: the registry says it is a phường
        ("BCH ĐẢNG BỘ CỬA NAM", "00073"),
        ("ĐẢNG BỘ HÀ NỘI", None),  # the city's, never a unit's
    ],
)
def test_a_title_naming_a_committee_without_its_type_names_the_unit(
    tmp_path: Path, title: str, code: str | None
) -> None:
    path = _commune_workbook(tmp_path / "x.xlsx", title)
    report = ctr_stats.compute([path], registry="ha-noi-2025", units_only=False)
    assert sorted({u.code for u in report.units}) == ([code] if code else [])


def test_a_file_named_after_another_provinces_unit_says_so_on_its_rows(tmp_path: Path) -> None:
    """No title naming a unit, a file name naming Bắc Ninh's Xã Sơn Động in a Hanoi run:
    nothing counted, and each row's unknown-unit says whose the file name is."""
    path = _commune_workbook(tmp_path / "0076_Xã Sơn Động.xlsx", "")
    report = ctr_stats.compute([path], registry="ha-noi-2025")
    assert report.units == ()
    unknown = [f for f in report.findings if f.code == "unknown-unit"]
    assert [f.cell for f in unknown] == ["B5", "B6"]
    assert all(
        "the file name '0076_Xã Sơn Động' is Xã Sơn Động of registry bac-ninh-2025" in f.message_en
        for f in unknown
    )


def test_units_find_with_nothing_to_say_when_looks_in_the_registry_in_force_now() -> None:
    """Trial 23: with no --registry nor --period, `units find "Sóc Sơn"` answered Huyện Sóc
    Sơn from the districts of before July 2025, and "P. Ba Đình" was not found. With no
    files to say when, the registry in force this month is the one a clerk means."""
    from datetime import date

    from .test_cli import run

    now = run("units", "find", "Sóc Sơn")
    then = run("units", "find", "Sóc Sơn", "--period", "2024")
    assert date.today() >= date(2025, 7, 1)  # the machine's clock: what "now" is
    assert (now.returncode, now.stdout) == (
        0,
        "'Sóc Sơn' → Xã Sóc Sơn (00376), danh mục ha-noi-2025: đúng chính tả\n",
    )
    assert then.stdout == "'Sóc Sơn' → Huyện Sóc Sơn (016), danh mục hanoi-2024: đúng chính tả\n"
    assert run("units", "find", "P. Ba Đình").returncode == 0


@pytest.mark.parametrize(
    ("written", "unit", "other_type"),
    [
        ("ĐẢNG ỦY XÃ ĐÔNG TIẾN", None, ("Đông Tiến", "phường")),
        ("Xã Đông Tiến", None, ("Đông Tiến", "phường")),
        ("Phường Đông Tiến", "Đông Tiến", None),
        ("Xã Đồng Tiến", "Đồng Tiến", None),
        ("XA DONG TIEN", "Đồng Tiến", None),  # no marks at all: the type written tells
    ],
)
def test_a_name_spelled_exactly_as_a_unit_of_another_type_is_that_units(
    written: str, unit: str | None, other_type: tuple[str, str] | None
) -> None:
    """Trial 25, case 4: a ward titled with the old word "XÃ ĐÔNG TIẾN" was matched, marks
    left out, to another commune, Xã Đồng Tiến, whose figures it then gave: the registry
    spells "Đông Tiến" exactly, a phường. The type written contradicts it: unknown-unit."""
    match = UnitMatcher(load_registry("thanh-hoa-2025")).match(written, suggest=False)
    assert (match.unit.name if match.unit else None) == unit
    found = [(u.name, u.type) for u in match.other_type]
    assert (found[0] if found else None) == other_type


def _ward_report(path: Path, title: list[str], done: int) -> None:
    from .helpers import write_xlsx

    write_xlsx(
        path,
        {
            "Kết nạp": [
                *[[line] for line in title],
                ["BÁO CÁO KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2025"],
                ["STT", "Chi bộ, đảng bộ trực thuộc", "Kế hoạch", "Thực hiện"],
                [1, "Chi bộ Tổ dân phố 1", done, done],
                [2, "Chi bộ Tổ dân phố 2", 2, 2],
            ]
        },
    )


def test_a_report_titled_by_another_province_is_none_of_the_registrys(tmp_path: Path) -> None:
    """Trial 27, case 1: with Huế's registry, "THÀNH ỦY ĐÀ NẴNG / ĐẢNG ỦY PHƯỜNG HƯƠNG
    TRÀ" (Đà Nẵng has a Phường Hương Trà too) and "ĐẢNG BỘ TP. HỒ CHÍ MINH - ĐẢNG ỦY
    PHƯỜNG THUẬN AN" in one cell were counted as Huế's wards, exit 0, no finding."""
    _ward_report(
        tmp_path / "huong-tra.xlsx", ["ĐẢNG BỘ THÀNH PHỐ HUẾ", "ĐẢNG ỦY PHƯỜNG HƯƠNG TRÀ"], 5
    )
    _ward_report(tmp_path / "da-nang.xlsx", ["THÀNH ỦY ĐÀ NẴNG", "ĐẢNG ỦY PHƯỜNG HƯƠNG TRÀ"], 55)
    _ward_report(
        tmp_path / "thuan-an.xlsx", ["ĐẢNG BỘ TP. HỒ CHÍ MINH - ĐẢNG ỦY PHƯỜNG THUẬN AN"], 44
    )
    report = ctr_stats.compute([tmp_path], registry="hue")
    other = sorted(
        (f.file.rsplit("/", 1)[-1], f.cell, f.unit)
        for f in report.findings
        if f.code == "unknown-unit" and f.file
    )
    assert other == [
        ("da-nang.xlsx", "A2", "ĐẢNG ỦY PHƯỜNG HƯƠNG TRÀ"),
        ("thuan-an.xlsx", "A1", "ĐẢNG BỘ TP. HỒ CHÍ MINH - ĐẢNG ỦY PHƯỜNG THUẬN AN"),
    ]
    da_nang = next(f for f in report.findings if f.file and f.file.endswith("da-nang.xlsx"))
    assert da_nang.message_vi.startswith("tiêu đề ghi Thành phố Đà Nẵng, không phải Thành phố Huế")
    read = {
        u.name: u.figures.actual for u in report.units if u.figures.indicator == "admission.total"
    }
    assert read == {"Hương Trà": 7}


@pytest.mark.parametrize(
    ("rows", "read"),
    [
        (
            ["Xã Phú Lộc", "Xã Vinh Lộc", "Xã Hưng Lộc"],
            {"Phú Lộc": 13, "Vinh Lộc": 14, "Hưng Lộc": 15},
        ),
        (["Vinh Lộc", "Lộc An", "Chi bộ Cơ quan"], {"Phú Lộc": 42}),
    ],
)
def test_a_district_titled_without_its_type_over_its_communes(
    tmp_path: Path, rows: list[str], read: dict[str, int]
) -> None:
    """Trial 27, case 2: "ĐẢNG BỘ PHÚ LỘC", the old district's committee with its type word
    left out, over rows "Xã Phú Lộc", "Xã Vinh Lộc", …: every row was added to Xã Phú Lộc
    (5 times its figure), the other communes called missing. Rows typed as communes are
    the communes'; bare village names under the commune's title are its organizations."""
    from .helpers import write_xlsx

    write_xlsx(
        tmp_path / "tong-hop-phu-loc.xlsx",
        {
            "Kết nạp": [
                ["ĐẢNG BỘ THÀNH PHỐ HUẾ"],
                ["ĐẢNG BỘ PHÚ LỘC"],
                ["BÁO CÁO KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2025"],
                ["STT", "Đơn vị", "Kế hoạch", "Thực hiện"],
                *[[n, name, 20, 13 + n] for n, name in enumerate(rows)],
            ]
        },
    )
    report = ctr_stats.compute([tmp_path], registry="hue")
    found = {
        u.name: u.figures.actual for u in report.units if u.figures.indicator == "admission.total"
    }
    assert found == read


def test_a_sheet_titled_by_another_province_alone_is_no_sheet_of_the_registrys(
    tmp_path: Path,
) -> None:
    """Trial 27, case 4: "THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH" alone over chi bộ rows, read with
    Huế's registry, was taken for the city's consolidated sheet: an unknown-unit per row,
    and advice to write "ĐẢNG BỘ PHƯỜNG THUẬN AN" into the title (which then counted it as
    Huế's). One finding says whose sheet it is."""
    _ward_report(tmp_path / "P. Thuan An.xlsx", ["THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH"], 44)
    report = ctr_stats.compute([tmp_path / "P. Thuan An.xlsx"], registry="hue")
    unknown = [f for f in report.findings if f.code == "unknown-unit"]
    assert [(f.sheet, f.cell, f.message_vi) for f in unknown] == [
        (
            "Kết nạp",
            None,
            "tiêu đề ghi Thành phố Hồ Chí Minh, không phải Thành phố Huế (danh mục hue-2025):"
            " trang tính của Thành phố Hồ Chí Minh, không đọc",
        )
    ]


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Kim Long", "đúng chính tả"),
        ("KIM LONG", "đúng chính tả"),
        ("Phong Dinh", "đúng chính tả"),
        ("Phong Dien", "khớp khi bỏ hết dấu"),  # Phường Phong Điền, its marks left out
    ],
)
def test_units_find_says_a_name_with_no_mark_in_the_registry_is_spelled_right(
    written: str, said: str
) -> None:
    """Trial 27, case 6: "Kim Long" and "Phong Dinh", written as Huế's registry writes
    them, were said to match "once all marks were removed", as if guessed."""
    from ctr_stats.render.units import render_find

    found = render_find(written, UnitMatcher(load_registry("hue-2025")), "vi")
    assert found.rstrip().endswith(said)


def test_a_missing_unit_names_the_file_named_almost_like_it(tmp_path: Path) -> None:
    """Trial 27, case 5: "BC KNĐV 2025 - P. Vĩ Dạ.xlsx" (Vĩ and Vỹ both in use), its title
    naming no unit, is rightly not Phường Vỹ Dạ's; but nothing linked the two, and the
    clerk was pointed at its chi bộ rows. The missing unit now names the file."""
    _ward_report(tmp_path / "BC KNĐV 2025 - P. Vĩ Dạ.xlsx", ["ĐẢNG BỘ THÀNH PHỐ HUẾ"], 7)
    report = ctr_stats.compute([tmp_path], registry="hue")
    missing = {f.unit: f.message_vi for f in report.findings if f.code == "missing-unit"}
    assert missing["Vỹ Dạ"].endswith(
        "P. Vĩ Dạ.xlsx mang tên gần giống tên đơn vị này, không đọc được là của đơn vị nào"
        " (sửa tên đơn vị ở tiêu đề)"
    )
    assert [unit for unit, said in missing.items() if "gần giống" in said] == ["Vỹ Dạ"]


def test_an_alias_that_is_a_builtin_units_name_is_refused_at_its_line(tmp_path: Path) -> None:
    """Trial 27: a custom unit's alias that is a built-in ward's name was accepted, and each
    file of that name became an ambiguous-unit error later."""
    path = tmp_path / "units.csv"
    path.write_text("code,name,type,aliases\nCA,Công an thành phố Huế,,Phú Xuân\n", "utf-8")
    with pytest.raises(UsageError) as raised:
        ctr_stats.api.registry_in_force("hue", path)
    assert (raised.value.exit_code, raised.value.file) == (2, str(path))
    assert raised.value.message == (
        "dòng 2: tên khác 'Phú Xuân' của Công an thành phố Huế (CA) trùng tên với Phường Phú"
        " Xuân (19768) của danh mục hue-2025: tiêu đề mang tên này không phân biệt được hai"
        " đơn vị; bỏ hoặc sửa tên khác này"
    )
    assert raised.value.message_en.startswith(
        "line 2: the alias 'Phú Xuân' of Công an thành phố Huế (CA) is a name of Phường Phú"
        " Xuân (19768) of registry hue-2025"
    )


def test_a_units_file_name_written_with_its_own_type_is_the_name_after_it(
    tmp_path: Path,
) -> None:
    """Trial 30, case 3: "Huyện Thuận Nam" of type huyện was "Huyện Huyện Thuận Nam", and
    verify tied no clause about "Huyện ủy Thuận Nam" to it; "Phương Liệt" (a phường's
    name) keeps its first word, told apart by its marks."""
    path = tmp_path / "units.csv"
    path.write_text(
        "code,name,type\nTN,Huyện Thuận Nam,huyện\nPL,Phương Liệt,phường\nP8,Phường 8,phường\n",
        "utf-8",
    )
    registry = ctr_stats.api.registry_in_force(None, path, units_only=True)
    assert [(u.name, u.full_name) for u in registry.units] == [
        ("Thuận Nam", "Huyện Thuận Nam"),
        ("Phương Liệt", "Phường Phương Liệt"),
        ("8", "Phường 8"),
    ]
    assert UnitMatcher(registry).match("Huyện ủy Thuận Nam").unit == registry.units[0]


def test_an_alias_of_old_names_with_their_own_type_stays_allowed(tmp_path: Path) -> None:
    """'Xã Phú Xuân' (an old commune merged in) is not 'Phường Phú Xuân': titles tell them
    apart, and the alias is kept."""
    path = tmp_path / "units.csv"
    path.write_text("code,name,type,aliases\nCA,Công an Huế,đảng bộ,Xã Phú Xuân\n", "utf-8")
    registry = ctr_stats.api.registry_in_force("hue", path)
    assert registry.by_code("CA").aliases == ("Xã Phú Xuân",)
