"""A photo's credit and rights read from its file's IPTC and XMP metadata: no database."""

import io

from newsroom_core.photo_metadata import PhotoMetadata, read_photo_metadata

from .helpers import photo_jpeg, photo_xmp

WIRE_XMP = photo_xmp(
    credit="Jane Doe/Reuters",
    creators=["Jane Doe"],
    rights="© 2026 Thomson Reuters",
    source="Reuters",
    web_statement="https://www.reuters.com/licensing/",
    licensor_url="https://pictures.reuters.com/buy",
    caption="Firefighters on the ridge above Malibu.",
)
UTF8 = ((1, 90), b"\x1b%G")


def test_photo_metadata_reads_credit_and_rights_from_xmp():
    assert read_photo_metadata(photo_jpeg(xmp=WIRE_XMP)) == PhotoMetadata(
        credit="Jane Doe/Reuters",
        creator="Jane Doe",
        copyright_notice="© 2026 Thomson Reuters",
        source="Reuters",
        caption="Firefighters on the ridge above Malibu.",
        licence_url="https://www.reuters.com/licensing/",
        acquire_licence_url="https://pictures.reuters.com/buy",
    )


def test_photo_metadata_reads_credit_and_rights_from_iptc_iim():
    iptc = [
        UTF8,
        ((2, 80), "Zoë Ångström".encode()),
        ((2, 110), b"AP"),
        ((2, 115), b"Associated Press"),
        ((2, 116), "© 2026 The Associated Press".encode()),
        ((2, 120), b"Crowds at the harbour."),
    ]

    assert read_photo_metadata(photo_jpeg(iptc=iptc)) == PhotoMetadata(
        credit="AP",
        creator="Zoë Ångström",
        copyright_notice="© 2026 The Associated Press",
        source="Associated Press",
        caption="Crowds at the harbour.",
    )


def test_photo_metadata_reads_latin_1_iim_from_files_that_do_not_name_their_characters():
    found = read_photo_metadata(photo_jpeg(iptc=[((2, 80), "Zoë Ångström".encode("latin-1"))]))

    assert found.creator == "Zoë Ångström"


def test_photo_metadata_joins_several_photographers():
    assert read_photo_metadata(photo_jpeg(xmp=photo_xmp(creators=["Jane Doe", "John Roe"]))).creator == (
        "Jane Doe, John Roe"
    )
    assert read_photo_metadata(photo_jpeg(iptc=[((2, 80), b"Jane Doe"), ((2, 80), b"John Roe")])).creator == (
        "Jane Doe, John Roe"
    )


def test_photo_metadata_prefers_xmp_and_takes_the_rest_from_iim():
    data = photo_jpeg(xmp=photo_xmp(credit="Jane Doe/Reuters"), iptc=[((2, 110), b"Old credit"), ((2, 115), b"Pool")])

    found = read_photo_metadata(data)

    assert (found.credit, found.source) == ("Jane Doe/Reuters", "Pool")


def test_photo_metadata_of_a_photo_that_says_nothing_is_empty():
    assert not read_photo_metadata(photo_jpeg())


def test_photo_metadata_of_a_file_that_is_not_an_image_is_empty():
    assert not read_photo_metadata(b"%PDF-1.4 not a photo")


def test_photo_metadata_ignores_an_xmp_packet_with_entities():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">&a;</x:xmpmeta>'
    )

    assert not read_photo_metadata(photo_jpeg(xmp=bomb))


def test_photo_metadata_leaves_the_file_where_it_found_it():
    upload = io.BytesIO(photo_jpeg(xmp=WIRE_XMP))
    upload.seek(3)

    read_photo_metadata(upload)

    assert upload.tell() == 3
