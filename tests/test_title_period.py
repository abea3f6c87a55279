"""The period a title block names (issue: real titles read as the wrong period, exit 0).

A place-and-date line, a reference to the guidance a form comes with and a committee's term
name no period; "06 THÁNG", "11 THÁNG", "TÍNH ĐẾN 30/6", "TỪ THÁNG 1 ĐẾN THÁNG 6" are months
from January; the last months of a year, one month, a span not from January and several
years are periods ctr-stats cannot take: a `period-unsupported` error naming the cell and
the words, the sheet's figures not added, never another period in their place. A measure
heading naming another span than its sheet's is a `period-mismatch` error naming its cell.
Workbooks built from copies of the bundled samples."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ctr_stats import Finding, Period, compute
from ctr_stats.errors import UsageError
from ctr_stats.layout import OtherPeriod, title_period
from ctr_stats.layout.title import stale_cut_off

from .helpers import edit, relabelled, write_xlsx
from .test_cli import SAMPLES, run


def bare(text: str) -> str:
    """The text without diacritics, as a clerk without a Vietnamese keyboard types it."""
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def spellings(text: str) -> list[str]:
    return [text, text.lower(), text.upper(), bare(text), bare(text).lower()]


# ---------------------------------------------------------------- the parser


@pytest.mark.parametrize(
    ("line", "period"),
    [
        ("06 THÁNG ĐẦU NĂM 2022", Period(2022, 6)),
        ("09 THÁNG NĂM 2023", Period(2023, 9)),
        ("11 THÁNG NĂM 2023", Period(2023, 11)),
        ("6T đầu năm 2023", Period(2023, 6)),
        ("Sáu tháng đầu năm 2022", Period(2022, 6)),
        ("12 THÁNG NĂM 2023", Period(2023)),
        ("QUÝ IV/2023", Period(2023, 12, 4)),
        ("Quý 02 năm 2024", Period(2024, 6, 2)),
        ("TÍNH ĐẾN 30/6/2023", Period(2023, 6)),
        ("(Tính đến ngày 30/6/2023)", Period(2023, 6)),
        ("(Tính đến ngày 30 tháng 6 năm 2023)", Period(2023, 6)),
        ("Từ ngày 01/01/2023 đến ngày 30/6/2023", Period(2023, 6)),
        ("TỪ THÁNG 1 ĐẾN THÁNG 6 NĂM 2023", Period(2023, 6)),
        ("Từ tháng 01/2023 đến tháng 12/2023", Period(2023)),
        ("BIỂU TỔNG HỢP KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2023", Period(2023)),
    ],
)
def test_a_period_the_model_holds_is_read_right(line: str, period: Period) -> None:
    for text in spellings(line):
        assert title_period([text]) == period, text


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("6 THÁNG CUỐI NĂM 2023", "end"),
        ("Nửa cuối năm 2023", "end"),
        ("THÁNG 12 NĂM 2023", "month"),
        ("T6/2023", "month"),
        ("từ 01/10/2022 đến 30/9/2023", "span"),
        ("TỪ THÁNG 4 ĐẾN THÁNG 9 NĂM 2023", "span"),
        ("GIAI ĐOẠN 2020 - 2025", "years"),
        ("NĂM HỌC 2023 - 2024", "years"),
        # figures added up since the term began, and two periods at once (trial 40): each
        # was added as the run's period, exit 0
        ("TỪ ĐẦU NHIỆM KỲ ĐẾN NAY", "term"),
        ("(Số liệu tính từ đầu nhiệm kỳ đến ngày 15/6/2023)", "term"),
        ("6 THÁNG ĐẦU NĂM 2023 (LŨY KẾ TỪ ĐẦU NHIỆM KỲ)", "term"),
        ("NĂM 2022 VÀ 6 THÁNG ĐẦU NĂM 2023", "two"),
    ],
)
def test_a_period_the_model_cannot_hold_is_never_another(line: str, kind: str) -> None:
    for text in spellings(line):
        assert title_period([text]) == OtherPeriod(kind, text), text
        # below a line naming a year, before the cut-off date: still not the year
        assert title_period([text, "NĂM 2023"]) == OtherPeriod(kind, text)
        assert title_period([text, "(Tính đến ngày 31/12/2023)"]) == OtherPeriod(kind, text)


@pytest.mark.parametrize(
    "line",
    [
        "Ba Đình, ngày 05 tháng 01 năm 2024",
        "Hà Nội, ngày …… tháng …… năm 2024",
        "Ban hành kèm theo Hướng dẫn số 11-HD/BTCTW, ngày 20/8/2021 năm 2021",
        "ĐẢNG BỘ QUẬN BA ĐÌNH NHIỆM KỲ 2020 - 2025",
        "NHIỆM KỲ 2020 - 2025",
    ],
)
def test_a_date_a_reference_or_a_term_names_no_period(line: str) -> None:
    for text in spellings(line):
        assert title_period([text]) is None, text
        assert title_period([text, "BIỂU TỔNG HỢP 6 THÁNG ĐẦU NĂM 2023"]) == Period(2023, 6)


@pytest.mark.parametrize(
    ("line", "period"),
    [
        ("6 THÁNG ĐẦU NĂM 2023 (SO VỚI CÙNG KỲ NĂM 2022)", Period(2023, 6)),
        ("CÔNG TÁC KIỂM TRA VÀ GIÁM SÁT NĂM 2023", Period(2023)),
        ("NĂM 2023 VÀ PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2024", Period(2023)),
    ],
)
def test_one_period_beside_another_year_is_still_read(line: str, period: Period) -> None:
    for text in spellings(line):
        assert title_period([text]) == period, text


@pytest.mark.parametrize(
    ("lines", "stale"),
    [
        # last year's form, its cut-off date left as it was (trial 40): said, never silent
        (["NĂM 2023", "(Tính đến ngày 30/11/2022)"], 1),
        (["(Tính đến ngày 15/6/2022)", "6 THÁNG ĐẦU NĂM 2023"], 0),
        # counted to 30 November, to mid-June, or into the next January: as reports are;
        # within the year the words win
        (["9 THÁNG NĂM 2023", "(Tính đến ngày 30/6/2023)"], None),
        (["NĂM 2023", "(Tính đến ngày 30/11/2023)"], None),
        (["NĂM 2023", "(Số liệu tính đến ngày 10/01/2024)"], None),
    ],
)
def test_a_cut_off_date_in_an_earlier_year_is_named_and_the_words_stand(
    lines: list[str], stale: int | None
) -> None:
    named = title_period(lines)
    assert isinstance(named, Period) and named.year == 2023
    assert stale_cut_off(lines, named) == stale


@pytest.mark.parametrize(
    ("line", "period"),
    [
        # the reporting calendar of Nghị định 09/2019/NĐ-CP, from 15 December the year
        # before (trial 42: each was period-unsupported, its figures not added)
        ("(Tính từ 15/12/2021 đến 14/6/2022)", Period(2022, 6)),
        ("Số liệu tính từ ngày 15/12/2022 đến ngày 14/9/2023", Period(2023, 9)),
        ("(Số liệu từ 15/12/2022 đến 14/12/2023)", Period(2023)),
    ],
)
def test_the_reporting_calendar_from_15_december_is_read(line: str, period: Period) -> None:
    for text in spellings(line):
        assert title_period([text]) == period, text


def test_a_form_sent_with_another_still_names_its_period() -> None:
    line = "(Kèm theo Biểu số 2-BTCTW — Quận ủy Ba Đình, 6 tháng đầu năm 2024)"
    assert title_period([line]) == Period(2024, 6)


# Real titles of reports and the meetings that hear them, as public pages quote them: the
# report's own period first, then the coming period's tasks ("phương hướng, nhiệm vụ …").
# The half-year ones often write the year once, at the end, for both halves.
REPORTS_AND_WHAT_COMES_NEXT = [
    # https://phucla.hadong.hanoi.gov.vn/dang-uy-phuong-phuc-la-chuc-hoi-nghi-tong-ket-cong-tac-dang-nam-2023-trien-khai-phuong-huong-nhiem
    ("Tổng kết công tác xây dựng Đảng năm 2023, triển khai phương hướng nhiệm vụ năm 2024",
     Period(2023)),
    ("Báo cáo kết quả lãnh đạo thực hiện các nhiệm vụ năm 2023, triển khai phương hướng nhiệm"
     " vụ năm 2024", Period(2023)),
    # https://baobariavungtau.com.vn/chinh-tri/202312/huyen-long-dien-nhieu-chi-tieu-dat-va-vuot-so-voi-nghi-quyet-998157/
    ("Tổng kết tình hình thực hiện nhiệm vụ chính trị năm 2023 và triển khai phương hướng,"
     " nhiệm vụ năm 2024", Period(2023)),
    # https://baodongthap.vn/chinh-tri/hoi-nghi-toan-quoc-tong-ket-cong-tac-to-chuc-xay-dung-dang-nam-2023-119242.aspx
    ("Tổng kết công tác tổ chức xây dựng Đảng năm 2023, triển khai nhiệm vụ năm 2024",
     Period(2023)),
    # https://phuongtranhungdao.thanhpho.quangngai.gov.vn/page/Article/News/detail/67d29ae7ad8e1162da038e78
    ("SƠ KẾT CÔNG TÁC ĐẢNG 6 THÁNG ĐẦU NĂM 2024, PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM 6 THÁNG"
     " CUỐI NĂM 2024", Period(2024, 6)),
    # http://ditichhochiminhphuchutich.gov.vn/ArticleDetail.aspx?articleid=1253&sitepageid=550
    ("Báo cáo sơ kết công tác 6 tháng đầu năm 2019 và phương hướng, nhiệm vụ 6 tháng cuối"
     " năm", Period(2019, 6)),
    # https://allavida.org/bao-cao-so-ket-cong-tac-xay-dung-dang-6-thang-dau-nam-2022/
    ("Báo cáo sơ kết công tác xây dựng Đảng 6 tháng đầu năm, phương hướng nhiệm vụ 6 tháng"
     " cuối năm 2022", Period(2022, 6)),
    # https://danviet.vn/thanh-oai-hoi-nghi-lan-thu-14-ban-chap-hanh-dang-bo-huyen-khoa-xxiii-nhiem-ky-2020-2025-20220702085829017.htm
    ("Báo cáo kết quả thực hiện các nhiệm vụ 6 tháng đầu năm; phương hướng, nhiệm vụ 6 tháng"
     " cuối năm 2022", Period(2022, 6)),
    # https://thanhliem.hanamtv.vn/vi/news/chinh-tri/btv-hu-thanh-liem-danh-gia-cong-tac-6-thang-dau-nam-2023-1243.html
    ("Báo cáo kết quả công tác 6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2023",
     Period(2023, 6)),
    ("Báo cáo kết quả thực hiện nhiệm vụ kiểm tra giám sát 6 tháng đầu năm phương hướng nhiệm"
     " vụ trọng tâm 6 tháng cuối năm 2023", Period(2023, 6)),
    # http://thuvienlangson.vn/Tin-tuc--Su-kien/Thu-vien-tinh-Lang-Son/332-HOI-NGHI-SO-KET-CONG-TAC-6-THANG-DAU-NAM-VA-TRIEN-KHAI-NHIEM-VU-6-THANG-CUOI-NAM-2021-CUA-CHI-BO-THU-VIEN
    ("SƠ KẾT CÔNG TÁC 6 THÁNG ĐẦU NĂM VÀ TRIỂN KHAI NHIỆM VỤ 6 THÁNG CUỐI NĂM 2021",
     Period(2021, 6)),
    # https://pbgdpl.travinh.gov.vn/1440/38641/70783/690372/thong-tin-kinh-te-xa-hoi/tinh-hinh-thuc-hien-nghi-quyet-hdnd-tinh-ve-nhiem-vu-phat-trien-kinh-te-xa-hoi-6-thang-dau-nam-n
    ("Tình hình thực hiện Nghị quyết HĐND tỉnh về nhiệm vụ phát triển kinh tế - xã hội 6 tháng"
     " đầu năm, nhiệm vụ, giải pháp trọng tâm 6 tháng cuối năm 2023", Period(2023, 6)),
    # https://vietnam.vn/longan/?p=588089
    ("Đánh giá kết quả thực hiện Nghị quyết Đảng ủy Khối trong quý I, triển khai nhiệm vụ quý"
     " II năm 2024", Period(2024, 3, 1)),
    # http://ubkttu.camau.dcs.vn/dang-uy-dan-chinh-dang-hoi-nghi-trien-khai-chuong-trinh-cong-tac-6-thang-cuoi-nam-2019-va-quy-dinh-cua-bo-chinh-tri-ve-cong-tac-kiem-tra-giam-sat-can-bo.306
    # (trial 40): "triển khai" leads the coming half's tasks as "nhiệm vụ" does
    ("Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm và triển khai chương trình công"
     " tác 6 tháng cuối năm 2019", Period(2019, 6)),
]  # fmt: skip


@pytest.mark.parametrize(("line", "period"), REPORTS_AND_WHAT_COMES_NEXT)
def test_a_reports_own_period_comes_before_the_coming_ones_tasks(line: str, period: Period) -> None:
    for text in spellings(line):
        assert title_period([text]) == period, text


@pytest.mark.parametrize(
    ("line", "period"),
    [
        ("BÁO CÁO TỔNG KẾT CÔNG TÁC XÂY DỰNG ĐẢNG NĂM 2023, PHƯƠNG HƯỚNG NHIỆM VỤ 6 THÁNG ĐẦU"
         " NĂM 2024", Period(2023)),
        ("BÁO CÁO QUÝ III NĂM 2023, NHIỆM VỤ TRỌNG TÂM 3 THÁNG CUỐI NĂM 2023",
         Period(2023, 9, 3)),
        ("KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2023 VÀ KẾ HOẠCH GIAI ĐOẠN 2024 - 2025", Period(2023)),
        ("KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2023, PHƯƠNG HƯỚNG VÀ NHIỆM VỤ NĂM 2024", Period(2023)),
        ("9 THÁNG, PHƯƠNG HƯỚNG NHIỆM VỤ QUÝ IV NĂM 2023", Period(2023, 9)),
        # words naming a plan before any period: the period after them is the line's own
        ("KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2023", Period(2023)),
        ("KẾ HOẠCH KẾT NẠP ĐẢNG VIÊN NĂM 2024", Period(2024)),
        ("PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2024", Period(2024)),
        # the report's months with no year of theirs, the coming period's year perhaps the
        # next: no period, never the coming one
        ("QUÝ IV, PHƯƠNG HƯỚNG NHIỆM VỤ QUÝ I NĂM 2024", None),
        ("6 THÁNG ĐẦU NĂM, PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2024", None),
    ],
)  # fmt: skip
def test_the_coming_periods_tasks_never_name_the_reports_period(
    line: str, period: Period | None
) -> None:
    for text in spellings(line):
        assert title_period([text]) == period, text


def test_the_last_months_before_the_coming_ones_tasks_are_never_another_period() -> None:
    line = "6 THÁNG CUỐI NĂM, PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2024"
    assert title_period([line]) == OtherPeriod("end", line)


YEARS = st.integers(1990, 2099)
MONTHS = st.integers(1, 12)


def _month_words(months: int, zero: bool) -> str:
    return f"{months:02d}" if zero else str(months)


@given(YEARS, MONTHS, st.booleans(), st.sampled_from(["", "đầu "]))
def test_months_from_january_are_read_as_written(
    year: int, months: int, zero: bool, first: str
) -> None:
    line = f"BIỂU TỔNG HỢP {_month_words(months, zero)} THÁNG {first}NĂM {year}"
    for text in spellings(line):
        assert title_period([text]) == Period(year, months)


@given(YEARS, st.integers(1, 11), st.booleans())
def test_the_last_months_of_a_year_are_never_read_as_another_period(
    year: int, months: int, zero: bool
) -> None:
    line = f"{_month_words(months, zero)} tháng cuối năm {year}"
    for text in spellings(line):
        assert title_period([text, f"(Tính đến ngày 31/12/{year})"]) == OtherPeriod("end", text)


@given(YEARS, st.integers(1, 4), st.sampled_from(["roman", "arabic", "zero"]))
def test_quarters_in_roman_or_arabic_numerals(year: int, quarter: int, numerals: str) -> None:
    number = {"roman": ("I", "II", "III", "IV")[quarter - 1], "arabic": str(quarter)}.get(
        numerals, f"0{quarter}"
    )
    for line in (f"QUÝ {number} NĂM {year}", f"Quý {number}/{year}"):
        for text in spellings(line):
            assert title_period([text]) == Period(year, quarter * 3, quarter)


@given(YEARS, MONTHS, st.booleans(), st.sampled_from(["tháng {m} năm {y}", "T{m}/{y}"]))
def test_one_month_is_never_read_as_the_year(year: int, month: int, zero: bool, form: str) -> None:
    line = form.format(m=_month_words(month, zero), y=year)
    for text in spellings(line):
        assert title_period([text, f"NĂM {year}"]) == OtherPeriod("month", text)


@given(YEARS, st.integers(1, 28), MONTHS, st.sampled_from(["Ba Đình", "Hà Nội", "Sơn Tây"]))
def test_a_place_and_date_line_is_no_period_wherever_it_stands(
    year: int, day: int, month: int, place: str
) -> None:
    date = f"{place}, ngày {day:02d} tháng {month:02d} năm {year + 1}"
    for text in spellings(date):
        assert title_period([text, f"6 THÁNG ĐẦU NĂM {year}"]) == Period(year, 6)
        assert title_period([f"NĂM {year}", text]) == Period(year)
        assert title_period([text]) is None


@given(YEARS, st.integers(1, 28), MONTHS, st.booleans())
def test_a_cut_off_date_alone_gives_the_months_from_january(
    year: int, day: int, month: int, words: bool
) -> None:
    line = (
        f"(Tính đến ngày {day} tháng {month} năm {year})"
        if words
        else f"TÍNH ĐẾN {day}/{month}/{year}"
    )
    # a date in January: a year's report counted into the next January (trial 42: read as
    # "1 tháng năm 2024", a period-mismatch in a year's run)
    counted = Period(year - 1) if month == 1 else Period(year, month)
    for text in spellings(line):
        assert title_period([text]) == counted
        assert title_period([text, f"9 THÁNG NĂM {year}"]) == Period(year, 9)  # words win


@given(
    st.integers(1990, 2098),
    st.integers(1, 28),
    MONTHS,
    st.integers(1, 28),
    MONTHS,
    st.integers(0, 1),
)
@example(1990, 15, 12, 1, 1, 1)  # 15 December to 1 January: no reporting calendar's span
@example(2021, 15, 12, 14, 6, 1)  # 15 December to 14 June: the calendar's first half
def test_a_span_is_a_period_only_from_the_first_of_january_within_a_year(
    year: int, d1: int, m1: int, d2: int, m2: int, later: int
) -> None:
    line = f"Từ ngày {d1:02d}/{m1:02d}/{year} đến ngày {d2}/{m2}/{year + later}"
    found = title_period([line])
    if (d1, m1, later) == (1, 1, 0):
        assert found == Period(year, m2)
    elif (d1, m1, later, d2) == (15, 12, 1, 14):  # the reporting calendar of ND 09/2019
        assert found == Period(year + 1, m2)
    else:
        assert isinstance(found, OtherPeriod) and found.words == line


@given(YEARS, MONTHS, MONTHS, st.booleans(), st.sampled_from(["tháng", "T"]))
def test_a_span_of_months_is_a_period_only_from_january(
    year: int, m1: int, m2: int, zero: bool, word: str
) -> None:
    space = " " if word == "tháng" else ""
    start, end = (f"{word}{space}{_month_words(m, zero)}" for m in (m1, m2))
    for line in (f"TỪ {start} ĐẾN {end} NĂM {year}", f"Từ {start}/{year} đến {end}/{year}"):
        for text in spellings(line):
            found = title_period([text, f"NĂM {year}"])
            assert found == (Period(year, m2) if m1 == 1 else OtherPeriod("span", text)), text


# ---------------------------------------------------------------- workbooks


def admitted(report: object) -> int:
    return next(
        t.figures.actual
        for t in report.totals  # type: ignore[attr-defined]
        if t.figures.indicator == "admission.total"
    )


def codes(findings: tuple[Finding, ...]) -> set[str]:
    return {f.code for f in findings}


ALL_2023 = 10479  # admitted in 2023, all 30 districts


def put(path: Path, sheet: str, cell: str, value: str | None) -> None:
    edit(path, sheet, lambda s: s.__setitem__(cell, value))


def district_book(
    path: Path, district: str, title: str, measures: list[str], rows: list[list[object]]
) -> Path:
    """A district's Kết nạp sheet as a clerk sends it: the committee, its department and the
    report's title above a two-row header, its communes' rows and their total."""
    width = len(measures)
    total = [sum(row[c] for row in rows) for c in range(width)]  # type: ignore[misc]
    sheet: list[list[object]] = [
        ["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"],
        [f"ĐẢNG BỘ HUYỆN {district.upper()}"],
        ["BAN TỔ CHỨC"],
        [title],
        [],
        ["STT", "Đơn vị", "Đảng viên mới kết nạp"],
        [None, None, *measures],
        *([n + 1, f"Đảng bộ xã {n + 1}", *row] for n, row in enumerate(rows)),
        ["Tổng cộng", None, *total],
    ]
    last = chr(ord("C") + width - 1)
    return write_xlsx(path, {"Kết nạp": sheet}, {"Kết nạp": [f"C6:{last}6", "A6:A7", "B6:B7"]})


DAN_PHUONG = [[5, 6, 4], [7, 8, 6], [3, 3, 2]]  # Kế hoạch 15, Thực hiện 17, Cùng kỳ 12
MEASURES = ["Kế hoạch", "Thực hiện", "Cùng kỳ"]


@pytest.mark.parametrize(
    ("title", "period"),
    [
        ("BÁO CÁO TỔNG KẾT CÔNG TÁC XÂY DỰNG ĐẢNG NĂM 2023, PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2024",
         Period(2023)),
        ("KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2023 VÀ PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024", Period(2023)),
        ("BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM, PHƯƠNG HƯỚNG NHIỆM VỤ 6 THÁNG CUỐI NĂM 2023",
         Period(2023, 6)),
    ],
)  # fmt: skip
def test_a_report_titled_with_the_coming_periods_tasks_is_read_whole(
    tmp_path: Path, title: str, period: Period
) -> None:
    """The trial's sheet (issue: "PHƯƠNG HƯỚNG" in the title, the sheet unread, exit 1): its
    period is the report's, and "phương" is no ward's "phường" to narrow its columns to."""
    book = district_book(tmp_path / "dan-phuong.xlsx", "Đan Phượng", title, MEASURES, DAN_PHUONG)
    units = tmp_path / "units.csv"
    units.write_text("code,name,type\n273,Đan Phượng,huyện\n", encoding="utf-8")
    for period_given in (None, period):
        report = compute([book], units_file=units, units_only=True, period=period_given)
        assert report.period == period and report.findings == ()
        total = report.total("admission.total")
        assert total is not None
        assert (total.figures.plan, total.figures.actual, total.figures.prior) == (15, 17, 12)


def test_a_plan_for_the_coming_year_is_no_report_of_this_one(tmp_path: Path) -> None:
    """A district that sent its plan for 2024 beside another's report for 2023: the plan is
    another period, never a report of 2023 nor the 2024 the run is for unless told; with
    --period 2023 it is named, its figures not added."""
    folder = tmp_path / "2023"
    folder.mkdir()
    report_title = (
        "BÁO CÁO TỔNG KẾT CÔNG TÁC XÂY DỰNG ĐẢNG NĂM 2023, PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2024"
    )
    district_book(folder / "dan-phuong.xlsx", "Đan Phượng", report_title, MEASURES, DAN_PHUONG)
    plan = district_book(
        folder / "ba-vi.xlsx",
        "Ba Vì",
        "KẾ HOẠCH KẾT NẠP ĐẢNG VIÊN NĂM 2024",
        ["Kế hoạch"],
        [[9], [4]],
    )
    units = tmp_path / "units.csv"
    units.write_text("code,name,type\n271,Ba Vì,huyện\n273,Đan Phượng,huyện\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"year 2024 .*ba-vi\.xlsx"):  # two periods: no guess
        compute([folder], units_file=units, units_only=True)
    report = compute([folder], units_file=units, units_only=True, period=Period(2023))
    mismatched = [f for f in report.findings if f.code == "period-mismatch"]
    assert [(f.file, f.sheet) for f in mismatched] == [(str(plan), "Kết nạp")]
    assert "năm 2024" in mismatched[0].message_vi
    assert codes(report.findings) == {"period-mismatch", "missing-unit"}
    total = report.total("admission.total")
    assert total is not None
    assert (total.figures.plan, total.figures.actual, total.figures.prior) == (15, 17, 12)


@pytest.mark.parametrize(
    ("cell", "line"),
    [
        ("J3", "Ba Đình, ngày 05 tháng 01 năm 2024"),
        ("J2", "Ban hành kèm theo Hướng dẫn số 11-HD/BTCTW ngày 20/8/2021 năm 2021"),
        ("A4", "NHIỆM KỲ 2020 - 2025"),
    ],
)
def test_a_line_naming_no_period_above_the_title_leaves_the_years(
    samples_copy: Path, cell: str, line: str
) -> None:
    for sheet in ("Kết nạp", "Tổ chức đảng", "Kiểm tra"):
        put(samples_copy / "ba-dinh.xlsx", sheet, cell, line)
    report = compute([samples_copy])
    assert report.period == Period(2023)
    assert report.errors == () and admitted(report) == ALL_2023


@pytest.mark.parametrize(
    "line",
    [
        "ĐẢNG BỘ QUẬN BA ĐÌNH NHIỆM KỲ 2020 - 2025",
        "ĐẢNG BỘ QUẬN BA ĐÌNH KHÓA XXV, NHIỆM KỲ 2020-2025",
        "BAN CHẤP HÀNH ĐẢNG BỘ QUẬN BA ĐÌNH (NHIỆM KỲ 2020 – 2025)",
        "ĐẢNG BỘ QUẬN BA ĐÌNH KHOÁ XXV",
    ],
)
def test_a_committees_term_after_the_units_name_is_not_part_of_it(
    samples_copy: Path, line: str
) -> None:
    for sheet in ("Kết nạp", "Tổ chức đảng", "Kiểm tra"):
        put(samples_copy / "ba-dinh.xlsx", sheet, "A2", line)
    report = compute([samples_copy])
    assert report.errors == () and admitted(report) == ALL_2023
    ba_dinh = {u.name for u in report.units if u.figures.indicator == "admission.total"}
    assert "Ba Đình" in ba_dinh and len(ba_dinh) == 30


def test_a_date_line_in_every_file_is_no_period_of_the_run(samples_copy: Path) -> None:
    for path in samples_copy.glob("*.xlsx"):
        put(path, "Kết nạp", "J3", "Hà Nội, ngày 05 tháng 01 năm 2024")
    report = compute([samples_copy])
    assert report.period == Period(2023) and admitted(report) == ALL_2023


@pytest.mark.parametrize(
    ("old", "new", "period"),
    [
        ("6 THÁNG ĐẦU NĂM 2022", "06 THÁNG ĐẦU NĂM 2022", Period(2022, 6)),
        ("6 THÁNG ĐẦU NĂM 2022", "", Period(2022, 6)),  # the cut-off 15/6/2022 alone
        ("6 THÁNG ĐẦU NĂM 2022", "TỪ THÁNG 1 ĐẾN THÁNG 6 NĂM 2022", Period(2022, 6)),
        ("6 THÁNG ĐẦU NĂM 2022", "09 THÁNG NĂM 2022", Period(2022, 9)),
        ("6 THÁNG ĐẦU NĂM 2022", "11 THÁNG NĂM 2022", Period(2022, 11)),
    ],
)
def test_months_from_january_in_every_file(
    tmp_path: Path, old: str, new: str, period: Period
) -> None:
    folder = relabelled(SAMPLES / "2022-h1", tmp_path / "h1", {old: new})
    untouched = compute([SAMPLES / "2022-h1"])
    report = compute([folder])
    assert report.period == period and report.errors == ()
    assert admitted(report) == admitted(untouched)


@pytest.mark.parametrize(
    "cut_off",
    ["TÍNH ĐẾN 30/6/2022", "(Tính đến ngày 30/6/2022)", "Từ ngày 01/01/2022 đến ngày 30/6/2022"],
)
def test_a_cut_off_or_a_span_from_january_alone(tmp_path: Path, cut_off: str) -> None:
    folder = relabelled(
        SAMPLES / "2022-h1",
        tmp_path / "h1",
        {"6 THÁNG ĐẦU NĂM 2022": "", "(Tính đến ngày 15/6/2022)": cut_off},
    )
    assert compute([folder]).period == Period(2022, 6)


@pytest.mark.parametrize(
    ("line", "kind_vi", "kind_en"),
    [
        ("6 THÁNG CUỐI NĂM 2023", "những tháng cuối năm", "the last months of a year"),
        ("THÁNG 12 NĂM 2023", "một tháng", "a single month"),
        ("từ 01/10/2022 đến 30/9/2023", "không tính từ đầu năm", "not counted from January"),
    ],
)
def test_a_period_ctr_stats_cannot_take_is_named_and_not_added(
    samples_copy: Path, line: str, kind_vi: str, kind_en: str
) -> None:
    """Ba Đình's workbook titled for another span, its cut-off line (30/11/2023) kept."""
    ba_dinh = samples_copy / "ba-dinh.xlsx"
    for sheet in ("Kết nạp", "Tổ chức đảng", "Kiểm tra"):
        put(ba_dinh, sheet, "A5", f"BIỂU TỔNG HỢP {line}")
    report = compute([samples_copy])
    assert report.period == Period(2023)
    refused = [f for f in report.findings if f.code == "period-unsupported"]
    assert [(f.sheet, f.cell, f.severity.value) for f in refused] == [
        ("Kết nạp", "A5", "error"),
        ("Tổ chức đảng", "A5", "error"),
        ("Kiểm tra", "A5", "error"),
    ]
    assert all(f.file == str(ba_dinh) for f in refused)
    assert f"'BIỂU TỔNG HỢP {line}'" in refused[0].message_vi and kind_vi in refused[0].message_vi
    assert f"'BIỂU TỔNG HỢP {line}'" in refused[0].message_en and kind_en in refused[0].message_en
    assert "không được cộng" in refused[0].message_vi and "not added" in refused[0].message_en
    assert codes(report.findings) == {"period-unsupported", "missing-unit"}
    ba_dinh_2023 = next(
        u.figures.actual
        for u in compute([SAMPLES / "2023"]).units
        if u.name == "Ba Đình" and u.figures.indicator == "admission.total"
    )
    assert admitted(report) == ALL_2023 - ba_dinh_2023
    assert not any(u.name == "Ba Đình" for u in report.units)


def test_a_workbooks_other_period_covers_its_sheets_naming_none(samples_copy: Path) -> None:
    ba_dinh = samples_copy / "ba-dinh.xlsx"
    put(ba_dinh, "Kết nạp", "A5", "BIỂU TỔNG HỢP 6 THÁNG CUỐI NĂM 2023")
    for sheet in ("Tổ chức đảng", "Kiểm tra"):
        for cell in ("A5", "A6"):
            put(ba_dinh, sheet, cell, None)
    report = compute([samples_copy])
    refused = [f for f in report.findings if f.code == "period-unsupported"]
    assert [(f.sheet, f.cell) for f in refused] == [
        ("Kết nạp", "A5"),
        ("Tổ chức đảng", None),
        ("Kiểm tra", None),
    ]
    assert "(Kết nạp!A5)" in refused[1].message_vi and "(Kết nạp!A5)" in refused[1].message_en
    assert not any(u.name == "Ba Đình" for u in report.units)


def test_every_file_of_a_period_it_cannot_take_with_the_period_given(tmp_path: Path) -> None:
    folder = relabelled(SAMPLES / "2023", tmp_path / "h2", {"NĂM 2023": "6 THÁNG CUỐI NĂM 2023"})
    report = compute([folder], period=Period(2023))
    assert report.units == ()
    assert {(f.code, f.cell) for f in report.findings if f.file} == {("period-unsupported", "A5")}
    assert len([f for f in report.findings if f.code == "period-unsupported"]) == 90


def test_the_cli_fails_on_a_period_it_cannot_take_in_both_languages(samples_copy: Path) -> None:
    put(samples_copy / "ba-dinh.xlsx", "Kết nạp", "A5", "BIỂU TỔNG HỢP THÁNG 12 NĂM 2023")
    vi = run("check", str(samples_copy))
    assert vi.returncode == 1
    assert "period-unsupported" in vi.stdout + vi.stderr
    assert "một tháng" in vi.stdout + vi.stderr
    en = run("check", str(samples_copy), "--lang", "en")
    assert en.returncode == 1 and "a single month" in en.stdout + en.stderr


# ---------------------------------------------------------------- measure headings


@pytest.mark.parametrize(
    ("cell", "heading"), [("D9", "Thực hiện 6 tháng"), ("C9", "Kế hoạch quý IV")]
)
def test_a_measure_of_another_span_is_an_error_naming_its_cell(
    samples_copy: Path, cell: str, heading: str
) -> None:
    ba_dinh = samples_copy / "ba-dinh.xlsx"
    put(ba_dinh, "Kết nạp", cell, heading)
    report = compute([samples_copy])
    mismatched = [f for f in report.findings if f.code == "period-mismatch"]
    assert [(Path(f.file or "").name, f.sheet, f.cell) for f in mismatched] == [
        ("ba-dinh.xlsx", "Kết nạp", cell)
    ]
    assert heading in mismatched[0].message_vi and "năm 2023" in mismatched[0].message_vi
    assert heading in mismatched[0].message_en and "year 2023" in mismatched[0].message_en
    unit = next(
        u for u in report.units if u.name == "Ba Đình" and u.figures.indicator == "admission.total"
    )
    measure = "actual" if cell == "D9" else "plan"
    assert getattr(unit.figures, measure) is None  # not counted as the year's


def test_a_measure_of_the_sheets_own_span_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "h1"
    shutil.copytree(SAMPLES / "2022-h1", folder)
    put(folder / "ba-dinh.xlsx", "Kết nạp", "D9", "Thực hiện 6 tháng")
    report = compute([folder])
    assert report.errors == ()
    assert admitted(report) == admitted(compute([SAMPLES / "2022-h1"]))
