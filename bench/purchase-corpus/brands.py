"""The senders of the corpus: invented brands, or real brands' styles with invented addresses and numbers."""


def brand(name, sender, kind, color, *footer, **style):
    return dict(name=name, sender=sender, kind=kind, color=color, footer=list(footer), **style)


AMAZON_US = brand("Amazon.com", "auto-confirm@amazon.com", "marketplace", "#232f3e",
                  "This email was sent from a notification-only address that cannot accept incoming email.",
                  "Amazon.com, 410 Terry Avenue N., Seattle, WA 98109-5210", blocks=True)
AMAZON_UK = brand("Amazon.co.uk", "auto-confirm@amazon.co.uk", "marketplace", "#232f3e",
                  "Please note: this e-mail was sent from a notification-only address that cannot accept incoming e-mail.",
                  "Amazon EU S.à r.l., UK Branch, 1 Principal Place, Worship Street, London EC2A 2FA", blocks=True)
AMAZON_FR = brand("Amazon.fr", "confirmation-commande@amazon.fr", "marketplace", "#232f3e",
                  "Cet e-mail a été envoyé depuis une adresse qui ne peut pas recevoir d'e-mails.",
                  "Amazon EU S.à r.l., 38 avenue John F. Kennedy, L-1855 Luxembourg", blocks=True, qp=True)
AMAZON_DE = brand("Amazon.de", "bestellbestaetigung@amazon.de", "marketplace", "#232f3e",
                  "Diese E-Mail wurde von einer Adresse gesendet, die keine E-Mails empfangen kann.",
                  "Amazon EU S.à r.l., 38 avenue John F. Kennedy, L-1855 Luxemburg", blocks=True, qp=True)
EBAY_US = brand("eBay", "ebay@ebay.com", "marketplace", "#0654ba",
                "eBay Inc., 2025 Hamilton Avenue, San Jose, CA 95125",
                "Learn more about how eBay protects your purchases: eBay Money Back Guarantee.")
EBAY_UK = brand("eBay", "ebay@ebay.co.uk", "marketplace", "#0654ba",
                "eBay (UK) Limited, 1 More London Place, London SE1 2AF. Registered in England No. 03947004.")
ETSY = brand("Etsy", "transaction@etsy.com", "marketplace", "#f1641e",
             "Etsy, Inc., 117 Adams Street, Brooklyn, NY 11201", "Unsubscribe from transactional tips")
REDWOOD = brand("Redwood Market", "orders@redwoodmarket.example", "merchant", "#8b2c2c",
                "Redwood Market Inc. · 1200 Mission Street · San Francisco, CA 94103",
                "Questions? Visit redwoodmarket.example/help or call 1-800-555-0144.")
VOLTLINE = brand("Voltline Electronics", "noreply@voltline.example", "merchant", "#0046be",
                 "Voltline Electronics, 7601 Penn Avenue South, Richfield, MN 55423",
                 "Prices and offers are subject to change. © 2026 Voltline. All rights reserved.")
HEARTH = brand("Hearth & Pine", "hello@hearthandpine.example", "merchant", "#3f5e4b",
               "Hearth & Pine Home Goods LLC, 88 Water Street, Portland, ME 04101")
LAKESIDE = brand("Lakeside Outfitters", "ship-confirm@lakesideoutfitters.example", "merchant", "#1f4e79",
                 "Lakeside Outfitters, PO Box 4410, Boise, ID 83702", "You are receiving this because you placed an order.")
FRESHCRATE = brand("FreshCrate", "receipts@freshcrate.example", "food", "#43b02a",
                   "FreshCrate Inc., 50 Beale Street, Suite 600, San Francisco, CA 94105")
DOORDASH = brand("DoorDash", "no-reply@doordash.com", "food", "#eb1700",
                 "DoorDash, Inc. 303 2nd Street, Suite 800, San Francisco, CA 94107")
UBER_US = brand("Uber", "noreply@uber.com", "ride", "#000000",
                "Uber Technologies, Inc., 1725 3rd Street, San Francisco, CA 94158", blocks=True)
UBER_UK = brand("Uber", "uk-receipts@uber.com", "ride", "#000000",
                "Uber Britannia Ltd, Aldgate Tower, 2 Leman Street, London E1 8FA", blocks=True)
UBER_FR = brand("Uber", "noreply@uber.com", "ride", "#000000",
                "Uber B.V., Burgerweeshuispad 301, 1076 HR Amsterdam, Pays-Bas", blocks=True)
UBER_DE = brand("Uber", "noreply@uber.com", "ride", "#000000",
                "Uber B.V., Burgerweeshuispad 301, 1076 HR Amsterdam, Niederlande", blocks=True)
UBER_EATS_FR = brand("Uber Eats", "uber.france@uber.com", "food", "#06c167",
                     "Uber Portier B.V., Burgerweeshuispad 301, 1076 HR Amsterdam, Pays-Bas")
LYFT = brand("Lyft", "no-reply@lyftmail.com", "ride", "#ff00bf", "Lyft, Inc., 185 Berry Street, Suite 400, San Francisco, CA 94107")
APPLE_US = brand("Apple", "no_reply@email.apple.com", "app", "#333333",
                 "Apple Media Services Terms and Conditions · Apple Privacy Policy",
                 "Copyright © 2026 Apple Inc. One Apple Park Way, Cupertino, CA 95014")
APPLE_UK = brand("Apple", "no_reply@email.apple.com", "app", "#333333",
                 "Apple Distribution International Ltd., Hollyhill Industrial Estate, Cork, Ireland. VAT No. IE9700053D")
APPLE_FR = brand("Apple", "no_reply@email.apple.com", "app", "#333333",
                 "Apple Distribution International Ltd., Hollyhill Industrial Estate, Cork, Irlande. N° TVA IE9700053D")
APPLE_DE = brand("Apple", "no_reply@email.apple.com", "app", "#333333",
                 "Apple Distribution International Ltd., Hollyhill Industrial Estate, Cork, Irland. USt-IdNr. IE9700053D")
GOOGLE_PLAY = brand("Google Play", "googleplay-noreply@google.com", "app", "#01875f",
                    "Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043")
STREAMLY = brand("Streamly", "billing@streamly.example", "app", "#5b2a86",
                 "Streamly Media Inc., 100 Broadway, New York, NY 10005", "Manage your membership at streamly.example/account")
THREADLINE = brand("Threadline", "orders@threadline.example", "merchant", "#111111",
                   "Threadline Ltd, Greater London House, Hampstead Road, London NW1 7FB. Company no. 04006623.",
                   "Returns are free within 28 days.", blocks=True)
HATHERLEYS = brand("Hatherley's", "customerservice@hatherleys.example", "merchant", "#d42114",
                   "Hatherley's Retail Ltd, 489-499 Avebury Boulevard, Milton Keynes MK9 2NW")
KINGSGATE = brand("Kingsgate & Co", "orders@kingsgate.example", "merchant", "#2b2b2b",
                  "Kingsgate & Co Ltd, 171 Victoria Street, London SW1E 5NN. VAT reg. GB 232 4536 19")
GREENGAGE = brand("Greengage", "groceries@greengage.example", "food", "#00539f",
                  "Greengage Stores Ltd, Shire Park, Welwyn Garden City AL7 1GA")
DELIVEROO_UK = brand("Deliveroo", "noreply@t.deliveroo.co.uk", "food", "#00ccbc",
                     "Roofoods Ltd, The River Building, 1 Cousin Lane, London EC4R 3TE")
DELIVEROO_FR = brand("Deliveroo", "noreply@t.deliveroo.fr", "food", "#00ccbc",
                     "Deliveroo France SAS, 7 rue de Madrid, 75008 Paris")
JUSTEAT = brand("Just Eat", "orders@just-eat.co.uk", "food", "#ff8000",
                "Just Eat.co.uk Ltd, Fleet Place House, 2 Fleet Place, London EC4M 7RF")
FNAC = brand("Fnac", "commande@fnac.com", "merchant", "#e1a925",
             "Fnac Darty Participations et Services, 9 rue des Bateaux-Lavoirs, 94200 Ivry-sur-Seine",
             "Conformément à la loi Informatique et Libertés, vous disposez d'un droit d'accès à vos données.")
CBAZAR = brand("Cbazar", "commande@cbazar.example", "marketplace", "#0b3c87",
               "Cbazar SA, 120-126 quai de Bacalan, 33300 Bordeaux. RCS Bordeaux 424 059 822.")
MAISON = brand("Maison Lumière", "bonjour@maison-lumiere.example", "merchant", "#b08d57",
               "Maison Lumière SAS, 14 rue de Turenne, 75004 Paris", "Se désinscrire de nos communications")
REVENDEO = brand("Revendeo", "no-reply@revendeo.example", "marketplace", "#09b1ba",
                 "Revendeo SAS, 8 rue du Faubourg Poissonnière, 75010 Paris")
ZALANDO_FR = brand("Zalando", "info@service-mail.zalando.fr", "merchant", "#ff6900",
                   "Zalando SE, Valeska-Gert-Straße 5, 10243 Berlin, Allemagne", blocks=True)
ZALANDO_DE = brand("Zalando", "info@service-mail.zalando.de", "merchant", "#ff6900",
                   "Zalando SE, Valeska-Gert-Straße 5, 10243 Berlin", "Amtsgericht Charlottenburg HRB 158855 B",
                   blocks=True)
OTTO = brand("OTTO", "service@otto.de", "merchant", "#f00020",
             "Otto (GmbH & Co KG), Werner-Otto-Straße 1-7, 22179 Hamburg", "Amtsgericht Hamburg HRA 62024", qp=True)
BLITZ = brand("Elektro Blitz", "bestellung@elektro-blitz.example", "merchant", "#df0000",
              "Elektro Blitz GmbH, Wankelstraße 5, 85046 Ingolstadt", "Geschäftsführer: M. Berger · HRB 7121")
LIEFERANDO = brand("Lieferando.de", "bestellung@lieferando.de", "food", "#ff8000",
                   "yd. yourdelivery GmbH, Cuvrystraße 50, 10997 Berlin")
BUECHERWURM = brand("Bücherwurm Buchhandlung", "shop@buecherwurm.example", "merchant", "#6b4226",
                    "Bücherwurm Buchhandlung e.K., Hauptstraße 12, 69117 Heidelberg")
HANSE = brand("Kaffeerösterei Hanse", "shop@kaffee-hanse.example", "merchant", "#4a2c1a",
              "Kaffeerösterei Hanse GmbH, Am Sandtorkai 23, 20457 Hamburg")
# Carriers
UPS = brand("UPS", "mcinfo@ups.com", "carrier", "#351c15",
            "© 2026 United Parcel Service of America, Inc. UPS, the UPS brandmark and the color brown are trademarks.",
            "Do not reply to this e-mail. UPS will not receive any reply message.")
FEDEX = brand("FedEx", "TrackingUpdates@fedex.com", "carrier", "#4d148c",
              "This tracking update has been requested by the sender. © 2026 FedEx. All rights reserved.")
USPS = brand("USPS", "auto-reply@usps.com", "carrier", "#333366",
             "USPS Tracking® · This is an automated email; please do not reply.")
ROYALMAIL = brand("Royal Mail", "no-reply@royalmail.com", "carrier", "#da202a",
                  "Royal Mail Group Ltd, 185 Farringdon Road, London EC1A 1AA. Registered in England and Wales no. 4138203.")
YODEL = brand("Yodel", "noreply@yodel.co.uk", "carrier", "#78be20", "Yodel Delivery Network Ltd, Atlantic Pavilion, Liverpool L3 4AE")
DHL_UK = brand("DHL Express", "noreply@dhl.com", "carrier", "#ffcc00", "DHL Express (UK) Ltd, Ross House, Oxford OX4 2BS")
DHL_FR = brand("DHL Express", "noreply@dhl.com", "carrier", "#ffcc00", "DHL Express France SAS, 1 route de la Longue Raie, 95700 Roissy")
DHL_DE = brand("DHL", "noreply@dhl.de", "carrier", "#ffcc00", "Deutsche Post AG, Charles-de-Gaulle-Straße 20, 53113 Bonn")
DPD_DE = brand("DPD", "noreply@service.dpd.de", "carrier", "#dc0032", "DPD Deutschland GmbH, Wailandtstraße 1, 63741 Aschaffenburg")
LAPOSTE = brand("La Poste Colissimo", "noreply@notif-colissimo-laposte.info", "carrier", "#ffd000",
                "La Poste - Société anonyme au capital de 5 620 325 816 euros - 9 rue du Colonel Pierre Avia, 75015 Paris")
