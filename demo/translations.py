"""Demo translations: French and Spanish versions of the shell, news, case studies and knowledge.

Runs last. Each page and snippet goes through wagtail-localize as a translator's work would: a
translation source and target, translated strings in its translation memory, then the target saved
and published as an editor would. Strings without a demo translation fall back to the English text.
Pages already translated into a language are left as they are, so running it again changes nothing.
"""

from django.apps import apps
from django.conf import settings

from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from demo.casestudies import CAPTION, GALLERY_ALT, GALLERY_SIZE
from home.illustrations import LIGHTS, SCENE, SUBJECTS
from home.models import SiteSettings, SiteText

FR = {
    # Taxonomy
    "Digital inclusion": "Inclusion numérique",
    "Cyber security": "Cybersécurité",
    "Cloud and infrastructure": "Cloud et infrastructure",
    "Data and privacy": "Données et vie privée",
    "Climate action": "Action climatique",
    "Energy and buildings": "Énergie et bâtiments",
    "Transport": "Transports",
    "Waste and circular economy": "Déchets et économie circulaire",
    "Volunteering and skills": "Bénévolat et compétences",
    "Funding and sustainability": "Financement et pérennité",
    "Local government": "Collectivités locales",
    "Voluntary sector": "Secteur associatif",
    "Social enterprise": "Entreprise sociale",
    "Housing": "Logement",
    "Health and care": "Santé et soins",
    "Education": "Éducation",
    "North West England": "Nord-Ouest de l'Angleterre",
    "South West England": "Sud-Ouest de l'Angleterre",
    "London": "Londres",
    "Wales": "Pays de Galles",
    "Ontario": "Ontario",
    "British Columbia": "Colombie-Britannique",
    "Pacific Northwest": "Nord-Ouest Pacifique",
    "New England": "Nouvelle-Angleterre",
    "Midwest": "Midwest",
    "United Kingdom": "Royaume-Uni",
    "Canada": "Canada",
    "United States": "États-Unis",
    # Site text and menu
    "Peer Learning Network": "Réseau d'apprentissage entre pairs",
    "Organisations sharing what works in digital practice and sustainability": (
        "Des organisations qui partagent ce qui marche en numérique et en développement durable"
    ),
    "Content is written by members and reviewed by our editors.": (
        "Les contenus sont écrits par les membres et relus par notre équipe éditoriale."
    ),
    "Main menu": "Menu principal",
    # Home
    "Learn from organisations that have already done it": (
        "Apprenez des organisations qui l'ont déjà fait"
    ),
    "Councils, charities and social enterprises sharing what worked in digital practice and "
    "sustainability — reviewed by peers, free to read.": (
        "Collectivités, associations et entreprises sociales partagent ce qui a marché en "
        "numérique et en développement durable — relu par des pairs, en accès libre."
    ),
    "Join the network": "Rejoindre le réseau",
    "Share what your organisation has learned, and learn from everyone else.": (
        "Partagez ce que votre organisation a appris, et apprenez de toutes les autres."
    ),
    "How the network works": "Comment fonctionne le réseau",
    # Code of conduct and privacy
    "Code of conduct": "Code de conduite",
    "How we treat each other in the network.": "Comment nous nous traitons les uns les autres.",
    "We share generously and credit others. We criticise ideas, not people. We keep what members "
    "tell us in confidence confidential, and we never use the network to sell.": (
        "Nous partageons volontiers et citons les autres. Nous critiquons les idées, pas les "
        "personnes. Ce que les membres nous confient reste confidentiel, et nous n'utilisons "
        "jamais le réseau pour vendre."
    ),
    "If something goes wrong": "Si quelque chose ne va pas",
    "Tell an editor. Comments that break this code are removed, and repeated breaches end "
    "membership.": (
        "Prévenez l'équipe éditoriale. Les commentaires contraires à ce code sont retirés, et des "
        "manquements répétés mettent fin à l'adhésion."
    ),
    "Privacy": "Confidentialité",
    "What the network keeps about you, why, and for how long.": (
        "Ce que le réseau conserve sur vous, pourquoi et combien de temps."
    ),
    "What we keep": "Ce que nous conservons",
    "Your name, organisation, email address and what you choose to put on your profile. "
    "Applications are kept until an editor decides; declined ones are deleted after 90 days.": (
        "Votre nom, votre organisation, votre adresse e-mail et ce que vous choisissez de mettre "
        "sur votre profil. Les candidatures sont conservées jusqu'à la décision de l'équipe "
        "éditoriale ; celles qui sont refusées sont supprimées après 90 jours."
    ),
    "Who sees it": "Qui les voit",
    "Members see each other's profiles; visitors see only published, public pages. We never sell "
    "or share your data. Ask us to see, correct or delete it at any time.": (
        "Les membres voient les profils des autres membres ; les visiteurs ne voient que les pages "
        "publiées et publiques. Nous ne vendons ni ne partageons jamais vos données. Demandez-nous "
        "à tout moment de les consulter, de les corriger ou de les supprimer."
    ),
    # About
    "About the network": "À propos du réseau",
    "A network of organisations that learn from each other.": (
        "Un réseau d'organisations qui apprennent les unes des autres."
    ),
    "Who we are": "Qui sommes-nous",
    "We are a network of organisations — city sustainability offices, councils, charities and "
    "social enterprises — that learn from each other. Instead of each of us paying to make the "
    "same mistakes, members write down what they tried, what it cost and what they would do "
    "differently.": (
        "Nous sommes un réseau d'organisations — services municipaux du développement durable, "
        "collectivités, associations et entreprises sociales — qui apprennent les unes des autres. "
        "Plutôt que de payer chacun pour refaire les mêmes erreurs, les membres consignent ce "
        "qu'ils ont essayé, ce que cela a coûté et ce qu'ils feraient autrement."
    ),
    "Members publish case studies and short knowledge articles, which our editors review before "
    "they go live. Members comment, ask questions and find peers who have already solved the "
    "problem in front of them.": (
        "Les membres publient des études de cas et de courts articles, relus par notre équipe "
        "éditoriale avant leur mise en ligne. Ils commentent, posent des questions et trouvent des "
        "pairs qui ont déjà résolu le problème qui se pose à eux."
    ),
    "The fastest way to learn is to ask someone who did it last year.": (
        "Le plus court chemin pour apprendre, c'est de demander à quelqu'un qui l'a fait "
        "l'an dernier."
    ),
    "A founding member": "Un membre fondateur",
    "Membership is free for organisations working for the public good.": (
        "L'adhésion est gratuite pour les organisations d'intérêt général."
    ),
    # News
    "News": "Actualités",
    "What is happening across the network.": "Ce qui se passe dans le réseau.",
    "Network passes 300 member organisations": "Le réseau dépasse 300 organisations membres",
    "Councils, charities and social enterprises from four countries now share their learning "
    "here.": (
        "Des collectivités, associations et entreprises sociales de quatre pays partagent "
        "désormais ici leurs enseignements."
    ),
    "The network welcomed its three hundredth member organisation this month, a housing "
    "association in Wales that joined to learn how others moved their tenant records to the "
    "cloud.": (
        "Le réseau a accueilli ce mois-ci sa trois-centième organisation membre, un bailleur "
        "social gallois venu apprendre comment d'autres ont migré les dossiers de leurs "
        "locataires vers le cloud."
    ),
    "Half of our members are now outside the UK, most of them city sustainability offices in "
    "Canada and the United States.": (
        "La moitié de nos membres sont désormais hors du Royaume-Uni, pour la plupart des services "
        "municipaux du développement durable au Canada et aux États-Unis."
    ),
    "Spring peer exchange: cutting food waste in school kitchens": (
        "Échange de printemps : réduire le gaspillage alimentaire dans les cantines scolaires"
    ),
    "Twelve cities compared what actually reduced food waste, and what only looked good on "
    "paper.": (
        "Douze villes ont comparé ce qui a vraiment réduit le gaspillage, et ce qui n'était beau "
        "que sur le papier."
    ),
    "Weighing waste every day for a month was the single most useful step, according to the five "
    "cities that tried it. Menus changed within weeks once kitchen staff saw the numbers.": (
        "Peser les déchets chaque jour pendant un mois a été l'étape la plus utile, selon les cinq "
        "villes qui l'ont tentée. Les menus ont changé en quelques semaines une fois les chiffres "
        "connus des équipes de cuisine."
    ),
    "The full notes from the exchange are in the knowledge base for members.": (
        "Le compte rendu complet de l'échange se trouve dans la base de connaissances des membres."
    ),
    "New guide: choosing a cloud email service for a small charity": (
        "Nouveau guide : choisir une messagerie en ligne pour une petite association"
    ),
    "Our most requested guide is out, written by three members who have done the move.": (
        "Notre guide le plus demandé est paru, écrit par trois membres qui ont fait la migration."
    ),
    "The guide compares the costs charities actually paid, not list prices, and explains how to "
    "keep old mail searchable after the switch.": (
        "Le guide compare les coûts réellement payés par les associations, pas les prix catalogue, "
        "et explique comment garder les anciens messages consultables après la migration."
    ),
    # Knowledge
    "Knowledge": "Connaissances",
    "Guides and answers written by members from their own practice, reviewed by editors.": (
        "Guides et réponses écrits par les membres à partir de leur pratique, relus par l'équipe "
        "éditoriale."
    ),
    "Moving a small charity's email to the cloud": (
        "Migrer la messagerie d'une petite association vers le cloud"
    ),
    "The plan three charities followed to switch mail services in a week without losing a "
    "message.": (
        "Le plan suivi par trois associations pour changer de messagerie en une semaine sans "
        "perdre un seul message."
    ),
    "Pick a quiet week, tell everyone the date a month ahead, and copy old mail before the switch "
    "rather than after. The two charities that copied afterwards spent weeks chasing missing "
    "folders.": (
        "Choisissez une semaine calme, annoncez la date un mois à l'avance et copiez les anciens "
        "messages avant la bascule plutôt qu'après. Les deux associations qui l'ont fait après ont "
        "passé des semaines à chercher des dossiers manquants."
    ),
    "Charity discounts halve the list price of most services, but only if you register with the "
    "discount scheme first; allow three weeks for that.": (
        "Les remises associatives divisent par deux le prix de la plupart des services, à "
        "condition de s'inscrire d'abord au programme de remise ; comptez trois semaines."
    ),
    "Two-step sign-in for volunteers who share a phone": (
        "La connexion en deux étapes pour des bénévoles qui partagent un téléphone"
    ),
    "How we turned on two-step sign-in when half our volunteers had no phone of their own.": (
        "Comment nous avons activé la connexion en deux étapes alors que la moitié de nos "
        "bénévoles n'avait pas de téléphone à eux."
    ),
    "We bought six cheap security keys and kept them in the office safe with a sign-out sheet. "
    "Volunteers without a phone use a key; everyone else uses an authenticator app.": (
        "Nous avons acheté six clés de sécurité bon marché, rangées dans le coffre du bureau avec "
        "une feuille d'emprunt. Les bénévoles sans téléphone utilisent une clé ; les autres, une "
        "application d'authentification."
    ),
    "Password resets fell from a dozen a month to two.": (
        "Les réinitialisations de mot de passe sont passées d'une douzaine par mois à deux."
    ),
    # Case studies
    "Case studies": "Études de cas",
    "How member organisations tackled a problem, what happened, and what they learned.": (
        "Comment des organisations membres se sont attaquées à un problème, ce qui s'est passé et "
        "ce qu'elles en ont appris."
    ),
    "ICT Hub: shared technology support for small charities": (
        "ICT Hub : un soutien informatique mutualisé pour les petites associations"
    ),
    "A national hub that gave small voluntary organisations free, impartial IT advice, training "
    "and volunteers instead of each charity buying help alone.": (
        "Un pôle national qui offrait aux petites associations des conseils informatiques "
        "gratuits et impartiaux, des formations et des bénévoles, plutôt que chacune n'achète "
        "de l'aide seule."
    ),
    "Most small charities had no one responsible for technology. They bought hardware they did "
    "not need, and lost data when a volunteer left.": (
        "La plupart des petites associations n'avaient personne en charge de l'informatique. "
        "Elles achetaient du matériel inutile et perdaient des données au départ d'un bénévole."
    ),
    "Five umbrella bodies pooled funding to run one hub: a phone and email helpline, regional "
    "circuit riders who visited charities, and a bank of free guides.": (
        "Cinq têtes de réseau ont mis en commun leurs financements pour un seul pôle : une "
        "assistance par téléphone et courriel, des conseillers itinérants qui visitaient les "
        "associations, et une bibliothèque de guides gratuits."
    ),
    "Charities that used the hub were twice as likely to have working backups a year later, and "
    "many wrote their first technology plan.": (
        "Les associations qui ont fait appel au pôle avaient deux fois plus de chances d'avoir "
        "des sauvegardes fonctionnelles un an plus tard, et beaucoup ont rédigé leur premier "
        "plan informatique."
    ),
    "Face-to-face visits built the trust that made charities act on advice; guides alone were "
    "read but rarely followed.": (
        "Les visites sur place ont créé la confiance qui a poussé les associations à suivre les "
        "conseils ; les guides seuls étaient lus mais rarement appliqués."
    ),
    "5 Counties Project: five rural charities share one IT manager": (
        "Projet 5 Comtés : cinq associations rurales partagent un responsable informatique"
    ),
    "Five small charities in the South West pooled budgets to employ a part-time IT manager "
    "together, and cut their support costs by a third.": (
        "Cinq petites associations du Sud-Ouest ont mis en commun leurs budgets pour employer "
        "ensemble un responsable informatique à temps partiel, et ont réduit d'un tiers leurs "
        "coûts d'assistance."
    ),
    "Agree in writing how time is shared before hiring, and budget for the manager's own "
    "training.": (
        "Mettez par écrit le partage du temps avant de recruter, et prévoyez un budget pour la "
        "formation du responsable."
    ),
    "Each charity paid a different local firm by the hour, had no plan for replacing laptops and "
    "no one who could check what the firms were doing.": (
        "Chaque association payait à l'heure une entreprise locale différente, sans plan de "
        "renouvellement des ordinateurs ni personne pour vérifier le travail des prestataires."
    ),
    "The charities signed a shared-services agreement, hired one IT manager for three days a "
    "week, and moved all five to the same cloud email and file storage.": (
        "Les associations ont signé un accord de mutualisation, recruté un responsable "
        "informatique trois jours par semaine et migré toutes les cinq vers la même messagerie et "
        "le même stockage en ligne."
    ),
    "Support costs fell in the first year, and the charities now buy equipment together at "
    "better prices.": (
        "Les coûts d'assistance ont baissé dès la première année, et les associations achètent "
        "désormais leur matériel ensemble à meilleur prix."
    ),
}

ES = {
    "Digital inclusion": "Inclusión digital",
    "Cyber security": "Ciberseguridad",
    "Cloud and infrastructure": "Nube e infraestructura",
    "Data and privacy": "Datos y privacidad",
    "Climate action": "Acción climática",
    "Energy and buildings": "Energía y edificios",
    "Transport": "Transporte",
    "Waste and circular economy": "Residuos y economía circular",
    "Volunteering and skills": "Voluntariado y competencias",
    "Funding and sustainability": "Financiación y sostenibilidad",
    "Local government": "Gobierno local",
    "Voluntary sector": "Tercer sector",
    "Social enterprise": "Empresa social",
    "Housing": "Vivienda",
    "Health and care": "Salud y cuidados",
    "Education": "Educación",
    "North West England": "Noroeste de Inglaterra",
    "South West England": "Suroeste de Inglaterra",
    "London": "Londres",
    "Wales": "Gales",
    "Ontario": "Ontario",
    "British Columbia": "Columbia Británica",
    "Pacific Northwest": "Noroeste del Pacífico",
    "New England": "Nueva Inglaterra",
    "Midwest": "Medio Oeste",
    "United Kingdom": "Reino Unido",
    "Canada": "Canadá",
    "United States": "Estados Unidos",
    "Peer Learning Network": "Red de aprendizaje entre pares",
    "Organisations sharing what works in digital practice and sustainability": (
        "Organizaciones que comparten lo que funciona en lo digital y la sostenibilidad"
    ),
    "Content is written by members and reviewed by our editors.": (
        "Los contenidos los escriben los miembros y los revisa nuestro equipo editorial."
    ),
    "Main menu": "Menú principal",
    "Learn from organisations that have already done it": (
        "Aprenda de organizaciones que ya lo han hecho"
    ),
    "Councils, charities and social enterprises sharing what worked in digital practice and "
    "sustainability — reviewed by peers, free to read.": (
        "Ayuntamientos, ONG y empresas sociales comparten lo que funcionó en lo digital y la "
        "sostenibilidad — revisado por pares y de lectura libre."
    ),
    "Join the network": "Únase a la red",
    # Code of conduct and privacy
    "Code of conduct": "Código de conducta",
    "How we treat each other in the network.": "Cómo nos tratamos en la red.",
    "We share generously and credit others. We criticise ideas, not people. We keep what members "
    "tell us in confidence confidential, and we never use the network to sell.": (
        "Compartimos con generosidad y reconocemos el trabajo ajeno. Criticamos ideas, no "
        "personas. Lo que los miembros nos cuentan en confianza es confidencial, y nunca usamos "
        "la red para vender."
    ),
    "If something goes wrong": "Si algo va mal",
    "Tell an editor. Comments that break this code are removed, and repeated breaches end "
    "membership.": (
        "Avise al equipo editorial. Los comentarios que incumplen este código se retiran, y los "
        "incumplimientos repetidos ponen fin a la membresía."
    ),
    "Privacy": "Privacidad",
    "What the network keeps about you, why, and for how long.": (
        "Qué guarda la red sobre usted, por qué y durante cuánto tiempo."
    ),
    "What we keep": "Qué guardamos",
    "Your name, organisation, email address and what you choose to put on your profile. "
    "Applications are kept until an editor decides; declined ones are deleted after 90 days.": (
        "Su nombre, su organización, su correo electrónico y lo que decida poner en su perfil. "
        "Las solicitudes se guardan hasta que decide el equipo editorial; las rechazadas se "
        "borran a los 90 días."
    ),
    "Who sees it": "Quién lo ve",
    "Members see each other's profiles; visitors see only published, public pages. We never sell "
    "or share your data. Ask us to see, correct or delete it at any time.": (
        "Los miembros ven los perfiles de los demás; los visitantes solo ven las páginas "
        "publicadas y públicas. Nunca vendemos ni compartimos sus datos. Pídanos verlos, "
        "corregirlos o borrarlos en cualquier momento."
    ),
    "Share what your organisation has learned, and learn from everyone else.": (
        "Comparta lo que su organización ha aprendido y aprenda de todas las demás."
    ),
    "How the network works": "Cómo funciona la red",
    "About the network": "Sobre la red",
    "A network of organisations that learn from each other.": (
        "Una red de organizaciones que aprenden unas de otras."
    ),
    "Who we are": "Quiénes somos",
    "We are a network of organisations — city sustainability offices, councils, charities and "
    "social enterprises — that learn from each other. Instead of each of us paying to make the "
    "same mistakes, members write down what they tried, what it cost and what they would do "
    "differently.": (
        "Somos una red de organizaciones — oficinas municipales de sostenibilidad, ayuntamientos, "
        "ONG y empresas sociales — que aprenden unas de otras. En lugar de pagar cada una por "
        "cometer los mismos errores, los miembros escriben lo que probaron, lo que costó y lo que "
        "harían de otra manera."
    ),
    "Members publish case studies and short knowledge articles, which our editors review before "
    "they go live. Members comment, ask questions and find peers who have already solved the "
    "problem in front of them.": (
        "Los miembros publican estudios de caso y artículos breves, que nuestro equipo editorial "
        "revisa antes de publicarlos. Comentan, preguntan y encuentran colegas que ya resolvieron "
        "el problema que tienen delante."
    ),
    "The fastest way to learn is to ask someone who did it last year.": (
        "La forma más rápida de aprender es preguntar a quien lo hizo el año pasado."
    ),
    "A founding member": "Un miembro fundador",
    "Membership is free for organisations working for the public good.": (
        "La membresía es gratuita para las organizaciones que trabajan por el bien común."
    ),
    "News": "Noticias",
    "What is happening across the network.": "Lo que pasa en la red.",
    "Network passes 300 member organisations": "La red supera las 300 organizaciones miembro",
    "Councils, charities and social enterprises from four countries now share their learning "
    "here.": (
        "Ayuntamientos, ONG y empresas sociales de cuatro países comparten ya aquí lo que han "
        "aprendido."
    ),
    "The network welcomed its three hundredth member organisation this month, a housing "
    "association in Wales that joined to learn how others moved their tenant records to the "
    "cloud.": (
        "Este mes la red dio la bienvenida a su organización miembro número trescientos, una "
        "asociación de vivienda de Gales que se unió para aprender cómo otras llevaron a la nube "
        "los expedientes de sus inquilinos."
    ),
    "Half of our members are now outside the UK, most of them city sustainability offices in "
    "Canada and the United States.": (
        "La mitad de nuestros miembros ya está fuera del Reino Unido, sobre todo oficinas "
        "municipales de sostenibilidad de Canadá y Estados Unidos."
    ),
    "Spring peer exchange: cutting food waste in school kitchens": (
        "Intercambio de primavera: menos desperdicio de comida en los comedores escolares"
    ),
    "Twelve cities compared what actually reduced food waste, and what only looked good on "
    "paper.": (
        "Doce ciudades compararon lo que de verdad redujo el desperdicio y lo que solo quedaba "
        "bien sobre el papel."
    ),
    "Weighing waste every day for a month was the single most useful step, according to the five "
    "cities that tried it. Menus changed within weeks once kitchen staff saw the numbers.": (
        "Pesar los residuos cada día durante un mes fue el paso más útil, según las cinco ciudades "
        "que lo probaron. Los menús cambiaron en pocas semanas cuando el personal de cocina vio "
        "las cifras."
    ),
    "The full notes from the exchange are in the knowledge base for members.": (
        "Las notas completas del intercambio están en la base de conocimiento para miembros."
    ),
    "New guide: choosing a cloud email service for a small charity": (
        "Nueva guía: elegir un correo en la nube para una pequeña ONG"
    ),
    "Our most requested guide is out, written by three members who have done the move.": (
        "Ya está disponible nuestra guía más solicitada, escrita por tres miembros que ya hicieron "
        "el cambio."
    ),
    "The guide compares the costs charities actually paid, not list prices, and explains how to "
    "keep old mail searchable after the switch.": (
        "La guía compara lo que las ONG pagaron de verdad, no los precios de catálogo, y explica "
        "cómo mantener el correo antiguo localizable tras el cambio."
    ),
    "Knowledge": "Conocimiento",
    "Guides and answers written by members from their own practice, reviewed by editors.": (
        "Guías y respuestas escritas por los miembros a partir de su práctica, revisadas por el "
        "equipo editorial."
    ),
    "Moving a small charity's email to the cloud": (
        "Llevar a la nube el correo de una pequeña ONG"
    ),
    "The plan three charities followed to switch mail services in a week without losing a "
    "message.": (
        "El plan que siguieron tres ONG para cambiar de correo en una semana sin perder ni un "
        "mensaje."
    ),
    "Pick a quiet week, tell everyone the date a month ahead, and copy old mail before the switch "
    "rather than after. The two charities that copied afterwards spent weeks chasing missing "
    "folders.": (
        "Elija una semana tranquila, anuncie la fecha con un mes de antelación y copie el correo "
        "antiguo antes del cambio, no después. Las dos ONG que lo copiaron después pasaron semanas "
        "buscando carpetas perdidas."
    ),
    "Charity discounts halve the list price of most services, but only if you register with the "
    "discount scheme first; allow three weeks for that.": (
        "Los descuentos para ONG reducen a la mitad el precio de la mayoría de los servicios, "
        "pero solo si antes se inscribe en el programa de descuentos; cuente con tres semanas."
    ),
    "Two-step sign-in for volunteers who share a phone": (
        "Verificación en dos pasos para voluntarios que comparten teléfono"
    ),
    "How we turned on two-step sign-in when half our volunteers had no phone of their own.": (
        "Cómo activamos la verificación en dos pasos cuando la mitad de nuestros voluntarios no "
        "tenía teléfono propio."
    ),
    "We bought six cheap security keys and kept them in the office safe with a sign-out sheet. "
    "Volunteers without a phone use a key; everyone else uses an authenticator app.": (
        "Compramos seis llaves de seguridad baratas y las guardamos en la caja fuerte de la "
        "oficina con una hoja de préstamo. Quien no tiene teléfono usa una llave; los demás, una "
        "aplicación de autenticación."
    ),
    "Password resets fell from a dozen a month to two.": (
        "Los restablecimientos de contraseña bajaron de una docena al mes a dos."
    ),
    "Case studies": "Estudios de caso",
    "How member organisations tackled a problem, what happened, and what they learned.": (
        "Cómo abordaron un problema las organizaciones miembro, qué pasó y qué aprendieron."
    ),
    "ICT Hub: shared technology support for small charities": (
        "ICT Hub: apoyo tecnológico compartido para pequeñas ONG"
    ),
    "A national hub that gave small voluntary organisations free, impartial IT advice, training "
    "and volunteers instead of each charity buying help alone.": (
        "Un centro nacional que ofrecía a las pequeñas organizaciones de voluntariado "
        "asesoramiento informático gratuito e imparcial, formación y voluntarios, en lugar de que "
        "cada ONG comprara ayuda por su cuenta."
    ),
    "Most small charities had no one responsible for technology. They bought hardware they did "
    "not need, and lost data when a volunteer left.": (
        "La mayoría de las pequeñas ONG no tenía a nadie a cargo de la tecnología. Compraban "
        "equipos que no necesitaban y perdían datos cuando se iba un voluntario."
    ),
    "Five umbrella bodies pooled funding to run one hub: a phone and email helpline, regional "
    "circuit riders who visited charities, and a bank of free guides.": (
        "Cinco entidades de segundo nivel unieron su financiación para un único centro: una línea "
        "de ayuda por teléfono y correo, asesores itinerantes que visitaban a las ONG y un banco "
        "de guías gratuitas."
    ),
    "Charities that used the hub were twice as likely to have working backups a year later, and "
    "many wrote their first technology plan.": (
        "Las ONG que usaron el centro tenían el doble de probabilidades de tener copias de "
        "seguridad que funcionaban un año después, y muchas redactaron su primer plan tecnológico."
    ),
    "Face-to-face visits built the trust that made charities act on advice; guides alone were "
    "read but rarely followed.": (
        "Las visitas en persona crearon la confianza que llevó a las ONG a seguir los consejos; "
        "las guías por sí solas se leían pero rara vez se aplicaban."
    ),
    "5 Counties Project: five rural charities share one IT manager": (
        "Proyecto 5 Condados: cinco ONG rurales comparten un responsable informático"
    ),
    "Five small charities in the South West pooled budgets to employ a part-time IT manager "
    "together, and cut their support costs by a third.": (
        "Cinco pequeñas ONG del suroeste juntaron presupuestos para contratar entre todas a un "
        "responsable informático a tiempo parcial y redujeron un tercio sus costes de soporte."
    ),
    "Agree in writing how time is shared before hiring, and budget for the manager's own "
    "training.": (
        "Acuerden por escrito cómo se reparte el tiempo antes de contratar, y presupuesten la "
        "formación del propio responsable."
    ),
    "Each charity paid a different local firm by the hour, had no plan for replacing laptops and "
    "no one who could check what the firms were doing.": (
        "Cada ONG pagaba por horas a una empresa local distinta, no tenía plan para renovar los "
        "portátiles ni nadie que pudiera revisar lo que hacían las empresas."
    ),
    "The charities signed a shared-services agreement, hired one IT manager for three days a "
    "week, and moved all five to the same cloud email and file storage.": (
        "Las ONG firmaron un acuerdo de servicios compartidos, contrataron a un responsable "
        "informático tres días a la semana y pasaron las cinco al mismo correo y almacenamiento "
        "en la nube."
    ),
    "Support costs fell in the first year, and the charities now buy equipment together at "
    "better prices.": (
        "Los costes de soporte bajaron el primer año, y ahora las ONG compran juntas los equipos "
        "a mejor precio."
    ),
}

# The pictures' alt texts and captions (home.illustrations, demo.casestudies._gallery): scene
# subjects, lights, then the patterns of a scene, a gallery picture's alt text and its caption.
PICTURES = {
    "fr": (
        {
            "wind turbines and solar panels": "des éoliennes et des panneaux solaires",
            "a street with cyclists": "une rue avec des cyclistes",
            "a town's skyline": "les toits d'une ville",
            "a village with trees and gardens": "un village avec des arbres et des jardins",
        },
        {
            "morning": "lumière du matin",
            "midday": "lumière de midi",
            "evening": "lumière du soir",
            "overcast": "ciel couvert",
        },
        "Illustration : {subject}, {light}",
        "Illustration {number} pour « {title} »",
        "Du projet, image {number}",
    ),
    "es": (
        {
            "wind turbines and solar panels": "aerogeneradores y paneles solares",
            "a street with cyclists": "una calle con ciclistas",
            "a town's skyline": "el perfil de una ciudad",
            "a village with trees and gardens": "un pueblo con árboles y jardines",
        },
        {
            "morning": "luz de la mañana",
            "midday": "luz del mediodía",
            "evening": "luz del atardecer",
            "overcast": "cielo nublado",
        },
        "Ilustración: {subject}, {light}",
        "Ilustración {number} de «{title}»",
        "Del proyecto, imagen {number}",
    ),
}


def picture_texts(code, strings):
    """The demo pictures' alt texts and captions in a language, from their English patterns."""
    subjects, lights, scene, gallery_alt, caption = PICTURES[code]
    texts = {
        SCENE.format(subject=subject, light=light): scene.format(
            subject=subjects[subject], light=lights[light]
        )
        for subject, _keys in SUBJECTS
        for light, *_colours in LIGHTS
    }
    for number in range(1, GALLERY_SIZE + 1):
        texts[CAPTION.format(number=number)] = caption.format(number=number)
        for title, translated in strings.items():
            texts[GALLERY_ALT.format(number=number, title=title)] = gallery_alt.format(
                number=number, title=translated
            )
    return texts


STRINGS = {
    code: {**strings, **picture_texts(code, strings)} for code, strings in [("fr", FR), ("es", ES)]
}
NEWS_ITEMS = 3
# The home's children that every visitor may meet: the menu's, the footer's and the join form's.
SITE_PAGES = ["about", "join", "code-of-conduct", "privacy"]
# (app label, index model, item model, how many items)
SECTIONS = [
    ("knowledge", "KnowledgeIndexPage", "KnowledgeArticlePage", 2),
    ("casestudies", "CaseStudyIndexPage", "CaseStudyPage", 2),
]


def build(demo):
    home = demo.made["home"]
    site_text = _site_text(home)
    for code, _name in settings.LANGUAGES:
        if code not in STRINGS:
            continue
        locale, _ = Locale.objects.get_or_create(language_code=code)
        strings = STRINGS[code]
        for term in [*demo.made["topics"], *demo.made["sectors"], *demo.made["regions"]]:
            translate(term, locale, strings)
        translate(site_text, locale, strings)
        for page in _pages_to_translate(demo, home):
            translate(page, locale, strings)
        translate(demo.made["menu"], locale, strings)
    demo.log("French and Spanish translations ready.")


def translate(instance, locale, strings):
    """Translate and publish an object through wagtail-localize with the given strings.

    Pages already translated into the locale are left alone (an editor may have changed them).
    """
    existing = instance.get_translation_or_none(locale)
    if isinstance(instance, Page) and existing is not None and existing.alias_of_id is None:
        return existing
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = strings.get(segment.string.data)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": "manual", "tool_name": "Demo"},
            )
    if not isinstance(instance, Page):
        translation.save_target(publish=True)
        return instance.get_translation(locale)
    # wagtail-localize publishes pages when the transaction commits, from the page as it was
    # then; publishing here, before any child is added, keeps the tree's child counts right.
    translation.save_target(publish=False)
    page = instance.get_translation(locale)
    page.get_latest_revision().publish()
    return page


def _site_text(home):
    """The English site text, seeded from the site settings, as the source of its translations."""
    site_settings = SiteSettings.objects.filter(site__root_page=home).first()
    text, _ = SiteText.objects.get_or_create(
        locale=home.locale,
        defaults={
            "network_name": site_settings.network_name,
            "tagline": site_settings.tagline,
            "footer_text": site_settings.footer_text,
        },
    )
    return text


def _pages_to_translate(demo, home):
    """Parents before children: home, the site's pages, news and a few items of each section.

    The news items are those with demo translations (their English titles are in the strings).
    """
    pages = [home.specific]
    pages += [page.specific for page in home.get_children().filter(slug__in=SITE_PAGES)]
    news_index = demo.made["news_index"]
    pages.append(news_index)
    pages += list(news_index.news().filter(title__in=FR).order_by("date")[:NEWS_ITEMS])
    for app_label, index_name, item_name, count in SECTIONS:
        index_model = apps.get_model(app_label, index_name)
        item_model = apps.get_model(app_label, item_name)
        for index in index_model.objects.child_of(home):
            pages.append(index)
            items = item_model.objects.child_of(index).live().public().order_by("pk")
            pages += list(items[:count])
    return pages
