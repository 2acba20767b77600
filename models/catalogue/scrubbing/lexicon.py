"""Word lists for the scrubber: name lexicons and words that look like names but are not."""

from __future__ import annotations

from pathlib import Path


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Given names of the origins a Dutch municipality's caseload has; matched case-sensitively.
FIRST_NAMES = _words("""
Jan Piet Kees Henk Gerrit Willem Johan Hans Peter Pieter Klaas Dirk Bert Ruud Rob Mark Martijn Bas
Tim Tom Thijs Daan Sem Lucas Levi Finn Luuk Milan Jesse Bram Ruben Lars Niels Sander Stefan Kevin
Dennis Patrick Erik Frank Marco Michel Wouter Joost Jeroen Arjan Sjoerd Rik Koen Gijs Stijn Joris Wim
Ad Cor Theo Ton Fred Harry Marcel Remco Edwin Ronald Anton Bart Jelle Jasper Vincent Robin Sven Hugo
Max Noah Julia Emma Sophie Tess Sanne Lotte Anna Eva Lisa Anouk Femke Fleur Iris Jolien Kim Linda
Marieke Mirjam Monique Nicole Petra Sandra Saskia Ingrid Annemarie Els Ria Truus Gerda Wilma Anja
Karin Esther Ellen Marloes Naomi Manon Romy Demi Britt Noa Mila Yara Zoë Liesbeth Hanneke Joke Henny
Tineke Ans Corrie Bep Mieke Yvonne Chantal Bianca Priscilla Wendy Jacqueline Marjolein Ilse Inge
Judith Maaike Nienke Sylvia Astrid Marianne Hester Roos Willemijn Evelien Daphne Renate Gert Gijsbert
Hendrik Jacob Jacobus Cornelis Geert Harm Hein Jaap Joop Kor Lex Nico Rein Sietse Wietse Tjeerd Bauke
Mohamed Mohammed Muhammad Mohammad Mohamad Ahmed Ahmad Ali Omar Youssef Yusuf Yassin Yassine Hamza Bilal
Karim Khalid Rachid Rachida Said Saïd Mustafa Mostafa Abdel Abdelkader Abdellah Abdullah Abdul Hassan
Hussein Hussain Ibrahim Ismail Brahim Driss Hicham Nordin Soufiane Anouar Mounir Nabil Samir Tarik
Tariq Redouan Ayoub Adam Amine Anas Ilyas Zakaria Mehdi Jamal Jamila Fatima Fatma Khadija Aicha Aisha
Aïcha Naima Nadia Samira Malika Zineb Zainab Zeynab Hafsa Houda Hanane Imane Iman Loubna Meryem Maryam
Mariam Nora Noura Salma Sara Sarah Soumaya Yasmina Yasmine Latifa Hayat Ikram Ilham Karima Laila Leila
Layla Siham Souad Wafa Zahra Ghizlane Najat Nezha Asma Amal Amira Dounia Rania Safae Chaima Kawtar
Hajar Btissam Mimoun Abdelhak Abdelaziz Aziz Hakim Jaouad Mourad Noureddine Othman Rachid Younes
Ammar Bashar Basel Firas Ghassan Hadi Hani Kamal Khaled Mahmoud Majd Marwan Mazen Moaz Muaz Nizar
Osama Rami Riad Saleh Sami Tamer Wael Walid Yahya Zaid Ziad Alaa Aya Bayan Dima Ghada Hala Hiba Lama
Lina Maha Manar Nour Rasha Reem Ruba Rana Razan Sahar Samar Suha Dalia Joud Raghad Heba Abdulrahman
Abdulkarim Mohannad Muhannad Ayman Fadi Feras Obada Qusai Shadi Haitham Hamid Jawad Farid Habib Rahim
Mehmet Ahmet Hüseyin Huseyin Hasan İbrahim Osman Murat Emre Burak Cem Deniz Ege Emir Enes Eren Furkan
Hakan Kemal Kerem Levent Mert Metin Orhan Ömer Omer Onur Selim Serkan Sinan Tolga Tuncay Volkan Yasin
Yunus Kaan Berk Baris Barış Cengiz Erdal Ercan Erkan Fatih Gökhan Halil Recep Ramazan Süleyman
Suleyman Ayşe Ayse Emine Hatice Zeynep Elif Merve Büşra Busra Esra Ebru Özlem Ozlem Derya Dilek Gül
Gülsen Hülya Sevgi Songül Tuba Yasemin Zehra Kübra Sibel Selin Melike Nur Nurcan Gizem Seda Aylin
Ceren Ilknur Şeyma Seyma Havva Leyla Tesfay Tesfaye Tesfalem Tekle Teklay Haile Hailu Berhane Berhe
Biniam Bereket Dawit Daniel Efrem Ermias Filmon Goitom Kidane Mehari Merhawi Mussie Natnael Robel
Samuel Semere Senai Tedros Tewelde Tsegay Weldu Yonas Yohannes Yemane Abel Amanuel Awet Asmerom Habtom
Henok Kibrom Medhanie Michael Mikael Nahom Simon Abrehet Almaz Aster Azieb Elsa Feven Freweyni Hiwet
Helen Letay Luwam Meron Mebrat Saba Selam Senait Semhar Tsega Tigist Winta Yodit Ruta Rahel Hanna
Saron Selamawit Mihret Mekdes Andrzej Adrian Bartosz Dariusz Dawid Grzegorz Jakub Janusz Jarosław
Jaroslaw Jerzy Kamil Krzysztof Łukasz Lukasz Maciej Marcin Marek Mariusz Mateusz Michał Michal Paweł
Pawel Piotr Przemysław Przemek Rafał Rafal Robert Sebastian Sławomir Szymon Tomasz Wojciech Zbigniew
Agnieszka Aleksandra Barbara Beata Dorota Ewa Elżbieta Ewelina Halina Iwona Joanna Justyna Kasia
Katarzyna Magdalena Małgorzata Malgorzata Marta Monika Natalia Paulina Renata Sylwia Urszula Weronika
Zofia Żaneta Karolina Patrycja Kinga Gosia Bogdan Artur Radosław Daria Ricardo Romano Rodney Rudy
Roy Ramon Orlando Glenn Dave Dwayne Jerrel Jurgen Kenneth Marvin Mitchell Nigel Quincy Regillio
Shurandy Sharon Shanti Shirley Sherida Chenoa Giovanni Jurich Kelvin Clyde Errol Eugene Steven
Stanley Humphrey Winston Lucien Ruthmila Anushka Ashwin Ravi Raj Rajesh Sunil Anil Sanjay Vishal
Priya Radjesh Soenita Sita Kavita Devika Indra Roshni Shivani Rishi Naresh Dinesh Mahesh Jairo
Jeandro Jurick Yhasmin Shaquille Diangelo Giwani Mireille Maureen Gracia Xiomara Jafeth Yurick Kenrick
Abdi Abdirahman Faduma Hodan Ayaan Farah Mahmood Sohrab Fereshta Reza Hossein Shirin Parisa Niloufar
Oleksandr Olena Olga Dmytro Iryna Sergii Viktor Yulia Andriy Mykola Tetiana Svitlana Ivan Georgi
Dimitar Elena Maria Ionut Mihai Andrei Florin Gheorghe Vasile Alina Ioana Cristina João José Carlos
Ana John David James Paul Mary Thomas George Emily Jessica Anne Marie Johanna Wilhelmina Catharina
""")

# Frequent surnames; particles are listed separately and join these into one span.
SURNAMES = _words("""
Claessen Hanssen Nielssen
Jansen Janssen Vries Berg Dijk Bakker Janssens Visser Smit Meijer Meyer Boer Mulder Groot Bos Vos
Peters Hendriks Leeuwen Dekker Brouwer Wit Dijkstra Smits Graaf Meer Linden Kok Jacobs Haan Vermeulen
Heuvel Veen Broek Bruijn Bruin Heijden Schouten Beek Willems Vliet Ven Hoekstra Maas Verhoeven Koster
Dam Wal Prins Blom Huisman Peeters Leeuw Kuipers Wijk Postma Kramer Bosch Vink Kuiper Veenstra Kooij
Timmermans Wolters Groen Jonker Hermans Koning Evers Gerritsen Scholten Hofman Martens Sanders
Molenaar Bosman Verbeek Koopman Brink Lammers Jong Yılmaz Yilmaz Kaya Demir Şahin Sahin Çelik Celik
Yıldız Yildiz Yıldırım Yildirim Öztürk Ozturk Aydın Aydin Özdemir Ozdemir Arslan Doğan Dogan Kılıç
Kilic Aslan Çetin Cetin Koç Koc Özkan Ozkan Şimşek Simsek Polat Korkmaz Erdoğan Güneş Aksoy Akbulut
Tekin Ünal Bulut Karaca Keskin Uçar Acar Amrani Bouzid Benali Bennani Boukhari Idrissi Azzouzi
Khattabi Ouali Ouahabi Tahiri Ziani Chaoui Hamdaoui Bakkali Belhaj Boulahrouz Achahbar Aboutaleb
Aarab Abdellaoui Bouchtaoui Chakir Dahri Hadioui Essafi Haddouchi Lamrani Mokhtari Moussaoui Ouazzani
Rahmouni Saidi Talbi Zaouali Ziyech Amezian Benaissa Boussaid Fakir Haddad Khoury Nasser Darwish
Hamdan Mansour Masri Nassar Qasem Shami Sabbagh Sayegh Tahan Zein Khalil Hamoud Alali Aljasem Kurdi
Halabi Homsi Hariri Attar Habte Weldemariam Woldemichael Abraha Asfaha Bahta Ghirmay Hagos Kahsay
Mebrahtu Negash Okbazghi Tewolde Zerai Ramdin Ramsaran Jagesar Mahabier Ramautar Sewnarain
Bhagwandin Ramlal Kalpoe Soekhoe Autar Ramcharan Pinas Kromodimedjo Doelwijt Vlijter Zeefuik Fränkel
Wijngaarde Emanuelson Lont Martina Maduro Isenia Statia Koeiman Croes Rosaria Felida Cijntje Leito
Godett Josephia Winklaar Pieternella Daantje Everts Nowak Kowalski Kowalska Wiśniewski Lewandowski
""")

# Word-final or word-initial shapes that mark a capitalised word as a surname.
SURNAME_SUFFIXES = ("ski", "ska", "cki", "cka", "dzki", "wicz", "czyk", "czak", "oğlu", "oglu",
                    "stra", "sma", "inga", "enga", "ensen", "ijer", "aoui", "ouni", "edjo",
                    "kromo", "esar", "andin", "iyan", "yan", "ian", "ović", "ovic", "enko", "chuk")
# ("-ssen" is no shape: Dutch verbs end so, "Lassen", "Passen"; Janssen, Claessen are in the lexicon.)
SURNAME_PREFIXES = ("Gebre", "Ghebre", "Tesfa", "Habte", "Welde", "Wolde", "Kidane", "Zere",
                    "Abdel", "Abdul", "Bou", "Ben", "Ould", "Ait", "Aït", "Ram", "Soek")

# Lower-case words that join name parts: "van der", "el", "bin", "da".
PARTICLES = _words("""
van de der den ter ten von zu el al bin ben ibn abu bou ait aït da do dos das du le la
""")

HONORIFICS = _words("""
meneer mevrouw mevr mevr. mw mw. dhr dhr. heer juffrouw mr. dr. ir. drs. ing. mej. mej
""")

# Words after which a capitalised word is taken as a person's name.
NAME_TRIGGERS = _words("""
collega broer zus zusje broertje zoon dochter vader moeder man vrouw partner echtgenoot echtgenote
begeleider begeleidster jobcoach consulent consulente leidinggevende contactpersoon buurman buurvrouw
neef nicht oom tante vriend vriendin referent mentor casemanager klantmanager werkgever heet genaamd
""")

# Verbs that follow a person as subject; used for a capitalised word at the start of a sentence.
PERSON_VERBS = _words("""
heeft had is was werkt werkte woont woonde spreekt sprak zoekt zocht wil wilde komt kwam kan kon
volgt volgde doet deed rijdt reed haalde leerde vertelt vertelde geeft gaf vindt vond houdt hield
zit zat gaat ging staat stond start startte begint begon mag moet zal zou krijgt kreeg verzorgt
heeft, is, zorgt zorgde zegt zei noemt meldt meldde belt belde liep loopt past paste wordt werd blijft bleef
""")

# Capitalised words that are no names: pronouns, sentence openers, domain nouns.
COMMON_CAPITALISED = _words("""
Hij Zij Ze Het De Een Dit Deze Die Dat Er Wij We Ik Jij Je U Zijn Haar Hun Mijn Onze Ons Iemand Men Ieder Beiden
Niemand Iedereen Daarnaast Ook Verder Tevens Momenteel Sinds Eerder Vorig Vanaf Na Voor Tijdens In
Bij Op Met Als Omdat Wegens Door Nu Toen Helaas Graag Wel Niet Geen Alleen Vooral Wat Wie Waar Hoe
Goed Goede Van Tot Om Aan Uit Naar Over Onder Tussen Zonder Vanwege Daarom Daarna Dan Maar En Of
Want Toch Nog Al Hier Daar Elke Iedere Alle Veel Weinig Meer Minder Soms Vaak Altijd Nooit Eerst
Kandidaat Kandidate Klant Cliënt Client Werkzoekende Deelnemer Deelneemster Meneer Mevrouw Taal
Betrokkene Belanghebbende Aanvrager Aanvraagster Sollicitant Sollicitante Werknemer Stagiair Stagiaire
Motivatie Werk Ervaring Rijbewijs Opleiding Gezondheid Vervoer Kinderopvang Beschikbaarheid Inzet
Houding Communicatie Planning Zorg Bereikbaarheid Doel Advies Conclusie Situatie Werkgever Vervolg
Afspraak Gesprek Profiel Achtergrond Hobby Hobby's Interesse Interesses Vaardigheden Werkervaring
Competenties Opmerking Opmerkingen Let Zie Beschikbaar Fulltime Parttime Ochtend Middag Avond
Maandag Dinsdag Woensdag Donderdag Vrijdag Zaterdag Zondag Januari Februari Maart April Mei Juni
Juli Augustus September Oktober November December Nederlands Engels Duits Frans Spaans Arabisch
Turks Pools Tigrinya Amhaars Somalisch Berbers Tamazight Tarifit Koerdisch Farsi Perzisch Dari
Pashto Oekraïens Russisch Roemeens Bulgaars Papiaments Sranantongo Sranan Hindi Sarnami Portugees
Italiaans Marokkaans Marokkaanse Turkse Syrisch Syrische Eritrees Eritrese Eritreeër Poolse
Surinaams Surinaamse Antilliaans Antilliaanse Nederlandse Engelse Duitse Arabische Koerdische
Afghaanse Somalische Oekraïense Islam Ramadan Kerst Pasen Suikerfeest Excel Word Outlook Office
Windows Heftruck Reachtruck Orderpicker Prima Super Fijn Leuk Enthousiast Gemotiveerd Rustig
Nederland Marokko Turkije Syrië Syrie Eritrea Ethiopië Somalië Afghanistan Irak Iran Polen Suriname
Curaçao Aruba Bonaire Oekraïne Bulgarije Roemenië Duitsland België Frankrijk Spanje Portugal Italië
Engeland Amerika Egypte Soedan Jemen Libanon Jordanië Algerije Tunesië Kaapverdië Ghana Nigeria
Congo Europa Afrika Azië Oost-Europa Midden-Oosten Midden Noord Zuid Oost West Flevoland Noord-Holland Zuid-Holland Gelderland
Overijssel Friesland Drenthe Brabant Noord-Brabant Limburg Zeeland Randstad Veluwe Twente
Amsterdam Rotterdam Haag Utrecht Eindhoven Groningen Tilburg Almere Breda Nijmegen Apeldoorn
Haarlem Arnhem Enschede Amersfoort Zaanstad Zaandam Haarlemmermeer Hoofddorp Bosch Zwolle
Zoetermeer Leiden Leeuwarden Maastricht Dordrecht Ede Alphen Alkmaar Westland Emmen Delft Venlo
Deventer Sittard Helmond Oss Amstelveen Hilversum Heerlen Hengelo Purmerend Schiedam Lelystad
Dronten Zeewolde Urk Noordoostpolder Emmeloord Kampen Harderwijk Nunspeet Elburg Heerenveen Steenwijk
Meppel Assen Hoorn Enkhuizen Helder Vlaardingen Gouda Roosendaal Middelburg Vlissingen Goes
Terneuzen Roermond Weert Doetinchem Zutphen Tiel Veenendaal Wageningen Barneveld Nijkerk Huizen
Bussum Weesp Diemen Heerhugowaard Beverwijk IJmuiden Velsen Katwijk Noordwijk Capelle Spijkenisse
Nieuwegein Houten Zeist Soest Baarn Biddinghuizen Swifterbant Ens Marknesse Kraggenburg Luttelgeest
Bant Rutten Creil Espel Tollebeek Nagele Buiten Haven Stad Poort Centrum Noord Zuid Oost West
Heijn AH Jumbo Lidl Aldi Plus Coop Spar Action HEMA Kruidvat Etos Blokker Gamma Praxis Karwei
IKEA Bol.com Coolblue Zalando PostNL DHL UPS DPD GLS NS Arriva Connexxion KLM Schiphol Heineken
Philips Unilever Tempo-Team Adecco Manpower Olympia Start People Unique YoungCapital UWV Gemeente GGD
CBR DUO IND COA Vluchtelingenwerk Taalhuis ROC MBO HBO VCA BHV McDonald's Burger King KFC Domino's
Thuisbezorgd Picnic Flink Booking Zeeman Primark Wibra Rituals Valk Bakkerij Ahold Sligro Makro
Hanos Vebego ISS CSU Asito Facilicom Hago Cordaan Humanitas Leger Heils Windesheim Microsoft Google
WhatsApp Facebook LinkedIn Instagram Marktplaats Indeed Werk.nl Werkbrug Participatiewet Bijstand
Wajong Wajongers WSW WIA WAO WW Ziektewet Banenafspraak Doelgroepregister
Jobcentrum Werkplein Sociaal Werkbedrijf Boulevard Markt Logistiek Techniek Horeca Zorg Schoonmaak
Helpende Welzijn Medewerker Medewerkster Administratie Administratief Beveiliger Beveiliging Social Work
Verzorgende Verpleegkunde Maatschappelijke Dienstverlening Detailhandel Verkoop Kassa Transport Bouw
Metaal Elektrotechniek Installatietechniek Economie Handel Entree Basisberoepsopleiding Mbo Hbo Havo
Vwo Vmbo Pedagogisch Kinderopvang Gastvrouw Gastheer Kok Chauffeur Monteur Schoonmaker Productie
Later Vroeger Straks Morgen Gisteren Vandaag Binnenkort Hierna Inmiddels Uiteindelijk Meestal Gelukkig
Bel Mail Stuur Vraag Neem Check Bellen Mailen Contact Tel Telefoon Adres Email E-mail Mobiel
Ikea Exact AFAS Zulu Swahili Lingala Urdu Bengaals Chinees Vietnamees Thai Defensie Politie
Samen Thuis Buiten Binnen Zelf Zo Dus Bovendien Echter Vervolgens Volgende Vorige Afgelopen Komende
Vaarbewijs Certificaat Diploma Getuigschrift Bewijs Vakbekwaamheid Veiligheidspaspoort Heftruckcertificaat
""")

# Capitalised words that are companies even though they are also given names ("bij Dirk").
COMPANY_NAMES = _words("Dirk Jumbo Plus Coop Spar Action Vomar Hoogvliet Deen")

# Multi-word places and companies whose words would otherwise read as a person's name.
PHRASES = ("Albert Heijn", "Burger King", "Start People", "Leger des Heils", "Van der Valk",
           "Dirk van den Broek", "Jan Linders", "New York Pizza", "Sociaal Werkbedrijf", "Den Haag",
           "Den Bosch", "Den Helder", "Bergen op Zoom", "Capelle aan den IJssel", "Sint Maarten",
           "Alphen aan den Rijn", "Verenigd Koninkrijk", "Tata Steel", "Dr. Oetker",
           # software a CV names: "Ads" would read as the possessive of the first name "Ad"
           "Google Ads", "Google Analytics", "Google Workspace", "Microsoft Teams", "Meta Ads")

# Words that before a capitalised word mark a place or company rather than a person.
# and words after which a capitalised word is a diploma or course title.
PLACE_PREPOSITIONS = _words("in bij naar uit te via richting rond nabij vanuit omgeving regio diploma opleiding "
                            "cursus certificaat training studie niveau")

# Ordinary Dutch words that are also surnames; a known name equal to one must be capitalised.
ORDINARY_WORDS = _words("""
bakker visser kok groot jong wit koning boer smit smid mulder molenaar brouwer dekker kramer koster
prins bos vos haan hoek berg dijk meer beek brink groen zwart klein lange baas kuiper jager schipper
koopman timmerman schilder slager bleeker de van der den het een ter ten el al ben bin da do le la
vries graaf heuvel veen ven wal dam kooij vink blom maas jonker evers sanders martina said nur can
""")

# Frequent Dutch words that are also the start of a given name: no short form of the person's name.
COMMON_WORDS = _words("\n".join(
    line for line in (Path(__file__).parent / "data" / "common_words.txt").read_text(encoding="utf-8").splitlines()
    if not line.startswith("#")))
