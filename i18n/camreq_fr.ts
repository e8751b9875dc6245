<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../processing/algorithm.py" line="35"/>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <location filename="../processing/cameras_near_incident.py" line="80"/>
        <source>Cameras near incidents</source>
        <translation>Caméras proches des faits</translation>
    </message>
    <message>
        <location filename="../processing/cameras_near_incident.py" line="81"/>
        <source> OUTPUT: one point per incident and camera, in the database CRS, sorted by purge_at; search_id is the consultation log row.</source>
        <translation> OUTPUT : un point par fait et par caméra, dans le SCR de la base, trié par purge_at ; search_id est la ligne du journal des consultations.</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="28"/>
        <source>Requisitions</source>
        <translation>Réquisitions</translation>
    </message>
    <message>
        <location filename="../processing/create_requisitions.py" line="47"/>
        <source>Create requisitions</source>
        <translation>Établir les réquisitions</translation>
    </message>
    <message>
        <location filename="../processing/due_requisitions.py" line="39"/>
        <source>Requisitions due soon</source>
        <translation>Réquisitions urgentes</translation>
    </message>
    <message>
        <location filename="../processing/due_requisitions.py" line="40"/>
        <source>Lists the open requisitions (draft, issued, sent, acknowledged) whose footage is purged within 48 hours, or already was (&apos;purged&apos;), most urgent first: call these owners now. COUNT is their number.</source>
        <translation>Liste les réquisitions en cours (brouillon, émise, envoyée, accusée) dont les images sont effacées dans les 48 heures, ou le sont déjà (« purged »), les plus urgentes en premier : appelez ces propriétaires maintenant. COUNT en donne le nombre.</translation>
    </message>
    <message>
        <location filename="../processing/grant_user.py" line="27"/>
        <source>Give a login a role and a unit</source>
        <translation>Donner un rôle et une unité à un identifiant</translation>
    </message>
    <message>
        <location filename="../processing/grant_user.py" line="28"/>
        <source>Gives an existing PostgreSQL login one CamReq role (administrator, analyst or investigator; any other CamReq role it had is taken back) and records its unit in this database. Investigators see and change only their unit&apos;s requisitions. The database enforces it, also for direct SQL. Administrators can give the analyst and investigator roles; naming an administrator needs a superuser or a login with CREATEROLE. Create the login itself first (CREATE ROLE name LOGIN).</source>
        <translation>Donne à un identifiant PostgreSQL existant un rôle CamReq (administrateur, analyste ou enquêteur ; tout autre rôle CamReq qu'il avait lui est retiré) et enregistre son unité dans cette base. Les enquêteurs ne voient et ne modifient que les réquisitions de leur unité. La base l'impose, y compris en SQL direct. Les administrateurs peuvent donner les rôles d'analyste et d'enquêteur ; nommer un administrateur exige un superutilisateur ou un identifiant doté de CREATEROLE. Créez d'abord l'identifiant lui-même (CREATE ROLE nom LOGIN).</translation>
    </message>
    <message>
        <location filename="../processing/load_sample_data.py" line="20"/>
        <source>Registry</source>
        <translation>Registre</translation>
    </message>
    <message>
        <location filename="../processing/import_cameras.py" line="37"/>
        <source>Import cameras</source>
        <translation>Importer des caméras</translation>
    </message>
    <message>
        <location filename="../processing/import_outputs.py" line="53"/>
        <source>Rejected rows (the input fields and a reason)</source>
        <translation>Lignes refusées (les champs d'entrée et un motif)</translation>
    </message>
    <message>
        <location filename="../processing/import_outputs.py" line="66"/>
        <source>Rows imported</source>
        <translation>Lignes importées</translation>
    </message>
    <message>
        <location filename="../processing/import_outputs.py" line="66"/>
        <source>Rows updated</source>
        <translation>Lignes mises à jour</translation>
    </message>
    <message>
        <location filename="../processing/import_outputs.py" line="66"/>
        <source>Rows rejected</source>
        <translation>Lignes refusées</translation>
    </message>
    <message>
        <location filename="../processing/import_outputs.py" line="131"/>
        <source>Row {id} rejected: {reason}</source>
        <translation>Ligne {id} refusée : {reason}</translation>
    </message>
    <message>
        <location filename="../processing/import_outputs.py" line="177"/>
        <source>Owners created without a requisition contact (add their e-mail in the owners directory): {names}</source>
        <translation>Propriétaires créés sans contact pour les réquisitions (ajoutez leur courriel dans l'annuaire des propriétaires) : {names}</translation>
    </message>
    <message>
        <location filename="../processing/import_owners.py" line="32"/>
        <source>Import owners</source>
        <translation>Importer des propriétaires</translation>
    </message>
    <message>
        <location filename="../processing/install_database.py" line="26"/>
        <source>Install or upgrade the database</source>
        <translation>Installer ou mettre à jour la base</translation>
    </message>
    <message>
        <location filename="../processing/install_database.py" line="27"/>
        <source>Creates the CamReq schema (and the PostGIS extension) on an empty database, upgrades an older CamReq database to this plugin&apos;s version, and does nothing on a current one. Each upgrade step is one transaction. The storage CRS is chosen at the first install and cannot change later.</source>
        <translation>Crée le schéma CamReq (et l'extension PostGIS) dans une base vide, met à jour une base CamReq plus ancienne à la version de cette extension, et ne fait rien sur une base à jour. Chaque étape de mise à jour est une transaction. Le SCR de stockage est choisi à la première installation et ne peut plus changer ensuite.</translation>
    </message>
    <message>
        <location filename="../processing/search_algorithm.py" line="42"/>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <location filename="../processing/select_cameras_near_incident.py" line="37"/>
        <source>Select cameras near incidents</source>
        <translation>Sélectionner les caméras proches des faits</translation>
    </message>
    <message>
        <location filename="../processing/select_cameras_near_incident.py" line="38"/>
        <source> The cameras found are selected on INPUT, the project&apos;s camera layer (camreq.cameras, matched on its &apos;id&apos; field), as QGIS&apos;s &apos;Select within distance&apos; does.</source>
        <translation> Les caméras trouvées sont sélectionnées sur INPUT, la couche des caméras du projet (camreq.cameras, rapprochée par son champ « id »), comme le fait « Sélection par distance » de QGIS.</translation>
    </message>
    <message>
        <location filename="../processing/send_requisitions.py" line="31"/>
        <source>Send requisitions by e-mail</source>
        <translation>Envoyer les réquisitions par courriel</translation>
    </message>
    <message>
        <location filename="../processing/send_requisitions.py" line="32"/>
        <source>Sends each issued requisition&apos;s PDF to its owner&apos;s e-mail. A requisition becomes &apos;sent&apos; only once the server accepted it; a server that is down or answers 4xx leaves it pending for the next run; a 5xx answer marks it failed with the server&apos;s words. Every attempt is recorded, and a retry never sends a requisition twice (one Message-ID per requisition). Owners without e-mail are listed. Credentials come only from a QGIS authentication configuration (SMTP_AUTHCFG, Basic: username and password); a refused login leaves everything pending. With starttls or ssl the server&apos;s certificate is always verified against the system&apos;s trust store (SSL_CERT_FILE overrides it). SENT and FAILED count this run; PENDING counts what still waits in the outbox.</source>
        <translation>Envoie le PDF de chaque réquisition émise au courriel de son propriétaire. Une réquisition ne devient « envoyée » qu'une fois acceptée par le serveur ; un serveur indisponible ou qui répond 4xx la laisse en attente pour le prochain envoi ; une réponse 5xx la marque en échec avec les termes du serveur. Chaque tentative est enregistrée, et une nouvelle tentative n'envoie jamais deux fois une réquisition (un Message-ID par réquisition). Les propriétaires sans courriel sont listés. Les identifiants ne proviennent que d'une configuration d'authentification QGIS (SMTP_AUTHCFG, Basic : nom d'utilisateur et mot de passe) ; une connexion refusée laisse tout en attente. Avec starttls ou ssl, le certificat du serveur est toujours vérifié auprès du magasin de certificats du système (SSL_CERT_FILE le remplace). SENT et FAILED comptent cet envoi ; PENDING compte ce qui attend encore dans la file d'envoi.</translation>
    </message>
    <message>
        <location filename="../processing/set_requisition_status.py" line="30"/>
        <source>Set requisition status</source>
        <translation>Changer le statut d'une réquisition</translation>
    </message>
    <message>
        <location filename="../processing/grant_user.py" line="52"/>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../processing/grant_user.py" line="52"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../processing/grant_user.py" line="52"/>
        <source>Unit</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../processing/search_algorithm.py" line="27"/>
        <source>Finds the cameras within DISTANCE true metres (measured on the WGS84 spheroid, a camera at exactly DISTANCE is included) of each incident (points, lines or polygons, any CRS), in one database query for all incidents. Each camera gets its window (START to END, or per incident from START_FIELD / END_FIELD; naive date-times mean Europe/Paris), the date its footage is purged (window start plus its retention in 24-hour days) and whether that is still ahead. For a line with SPEED_KMH, each camera&apos;s window is centred on the time the route passes it (START at the first vertex), widened by MARGIN_MINUTES on each side (default {margin:g}). Out-of-service and removed cameras are left out unless INCLUDE_OUT_OF_SERVICE. Every search is written to the consultation log with its REASON.</source>
        <translation>Trouve les caméras situées à moins de DISTANCE mètres réels (mesurés sur l'ellipsoïde WGS84, une caméra à exactement DISTANCE est incluse) de chaque fait (points, lignes ou polygones, tout SCR), en une seule requête pour tous les faits. Chaque caméra reçoit son créneau (de START à END, ou par fait depuis START_FIELD / END_FIELD ; une date-heure sans fuseau est en heure de Paris), la date d'effacement de ses images (début du créneau plus sa durée de conservation en jours de 24 heures) et si cette date est encore à venir. Pour une ligne avec SPEED_KMH, le créneau de chaque caméra est centré sur l'heure de passage du trajet devant elle (START au premier sommet), élargi de MARGIN_MINUTES de chaque côté (par défaut {margin:g}). Les caméras hors service et déposées sont écartées, sauf avec INCLUDE_OUT_OF_SERVICE. Chaque recherche est inscrite au journal des consultations avec son motif REASON.</translation>
    </message>
    <message>
        <location filename="../processing/search_algorithm.py" line="64"/>
        <source>Start field (per incident)</source>
        <translation>Champ de début (par fait)</translation>
    </message>
    <message>
        <location filename="../processing/search_algorithm.py" line="64"/>
        <source>End field (per incident)</source>
        <translation>Champ de fin (par fait)</translation>
    </message>
    <message>
        <location filename="../processing/select_cameras_near_incident.py" line="25"/>
        <source>creating new selection</source>
        <translation>créer une nouvelle sélection</translation>
    </message>
    <message>
        <location filename="../processing/select_cameras_near_incident.py" line="25"/>
        <source>adding to current selection</source>
        <translation>ajouter à la sélection courante</translation>
    </message>
    <message>
        <location filename="../processing/select_cameras_near_incident.py" line="25"/>
        <source>selecting within current selection</source>
        <translation>sélectionner dans la sélection courante</translation>
    </message>
    <message>
        <location filename="../processing/select_cameras_near_incident.py" line="25"/>
        <source>removing from current selection</source>
        <translation>retirer de la sélection courante</translation>
    </message>
    <message>
        <location filename="../processing/send_requisitions.py" line="66"/>
        <source>Sent</source>
        <translation>Envoyée</translation>
    </message>
    <message>
        <location filename="../processing/send_requisitions.py" line="66"/>
        <source>Still pending</source>
        <translation>Encore en attente</translation>
    </message>
    <message>
        <location filename="../processing/send_requisitions.py" line="66"/>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="58"/>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="35"/>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="36"/>
        <source>Owner&apos;s reference</source>
        <translation>Référence du propriétaire</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="37"/>
        <source>OpenStreetMap id</source>
        <translation>Identifiant OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="38"/>
        <source>Camera type</source>
        <translation>Type de caméra</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="39"/>
        <source>Direction (° from north)</source>
        <translation>Orientation (° depuis le nord)</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="40"/>
        <source>Field of view (°)</source>
        <translation>Champ de vision (°)</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="41"/>
        <source>Range (m)</source>
        <translation>Portée (m)</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="42"/>
        <source>Mount height (m)</source>
        <translation>Hauteur de pose (m)</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="43"/>
        <source>Tilt (°)</source>
        <translation>Inclinaison (°)</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="44"/>
        <source>Retention (days)</source>
        <translation>Conservation (jours)</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="45"/>
        <source>Recording mode</source>
        <translation>Mode d'enregistrement</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="65"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="47"/>
        <source>Films public space</source>
        <translation>Filme la voie publique</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="30"/>
        <source>Authorisation reference</source>
        <translation>Référence de l'autorisation</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="49"/>
        <source>Authorisation expiry</source>
        <translation>Fin de l'autorisation</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="50"/>
        <source>Police direct access</source>
        <translation>Accès direct des forces de l'ordre</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="51"/>
        <source>Last verified</source>
        <translation>Dernière vérification</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="52"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="65"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="55"/>
        <source>Owner kind</source>
        <translation>Catégorie de propriétaire</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="59"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="60"/>
        <source>Kind</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="61"/>
        <source>Requisition e-mail</source>
        <translation>Courriel des réquisitions</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="62"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="63"/>
        <source>Postal address</source>
        <translation>Adresse postale</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="64"/>
        <source>Usual response time (days)</source>
        <translation>Délai de réponse habituel (jours)</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="128"/>
        <source>Camera owners</source>
        <translation>Propriétaires de caméras</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="33"/>
        <source>Cameras</source>
        <translation>Caméras</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="130"/>
        <source>Fields of view</source>
        <translation>Champs de vision</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="199"/>
        <source>Cannot open camreq.{table}: is the CamReq schema installed on this database?</source>
        <translation>Impossible d'ouvrir camreq.{table} : le schéma CamReq est-il installé dans cette base ?</translation>
    </message>
    <message>
        <location filename="../core/requisitions.py" line="315"/>
        <source>the case number (numéro de procédure) is required.</source>
        <translation>le numéro de procédure est obligatoire.</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="34"/>
        <source>Case number</source>
        <translation>N° de procédure</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="49"/>
        <source>Officer name</source>
        <translation>Nom de l'officier</translation>
    </message>
    <message>
        <location filename="../core/requisitions.py" line="326"/>
        <source>{deadline} is in the past.</source>
        <translation>{deadline} est déjà passé.</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="29"/>
        <source>Answer deadline</source>
        <translation>Date limite de réponse</translation>
    </message>
    <message>
        <location filename="../core/requisitions.py" line="330"/>
        <source>say which format and means of delivery you ask for.</source>
        <translation>indiquez le format et le mode de remise demandés.</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="36"/>
        <source>Delivery</source>
        <translation>Remise</translation>
    </message>
    <message>
        <location filename="../core/registry_checks.py" line="24"/>
        <source>Camera {camera} of {owner}: its prefectoral authorisation expired on {detail}.</source>
        <translation>Caméra {camera} de {owner} : son autorisation préfectorale a expiré le {detail}.</translation>
    </message>
    <message>
        <location filename="../core/registry_checks.py" line="27"/>
        <source>Camera {camera} of {owner}: its prefectoral authorisation expires on {detail}, within 90 days.</source>
        <translation>Caméra {camera} de {owner} : son autorisation préfectorale expire le {detail}, dans moins de 90 jours.</translation>
    </message>
    <message>
        <location filename="../core/registry_checks.py" line="31"/>
        <source>Camera {camera} of {owner}: not verified for 12 months (last verified: {detail}).</source>
        <translation>Caméra {camera} de {owner} : non vérifiée depuis 12 mois (dernière vérification : {detail}).</translation>
    </message>
    <message>
        <location filename="../core/registry_checks.py" line="34"/>
        <source>Camera {camera} of {owner}: out of order since {detail}, more than 30 days.</source>
        <translation>Caméra {camera} de {owner} : en panne depuis le {detail}, plus de 30 jours.</translation>
    </message>
    <message>
        <location filename="../core/registry_checks.py" line="37"/>
        <source>Camera {camera} of {owner}: likely duplicate of {detail} (same owner, under 1 m).</source>
        <translation>Caméra {camera} de {owner} : doublon probable de {detail} (même propriétaire, à moins de 1 m).</translation>
    </message>
    <message>
        <location filename="../core/registry_checks.py" line="40"/>
        <source>Camera {camera} of {owner}: a fixed camera without direction (its view is drawn as a disc).</source>
        <translation>Caméra {camera} de {owner} : caméra fixe sans orientation (son champ est dessiné comme un disque).</translation>
    </message>
    <message>
        <location filename="../core/registry_checks.py" line="44"/>
        <source>Camera {camera} of {owner}: outside the territory.</source>
        <translation>Caméra {camera} de {owner} : hors du territoire.</translation>
    </message>
    <message>
        <location filename="../core/registry_checks.py" line="45"/>
        <source>{owner}: no requisition e-mail, requisitions cannot be sent to it{detail}.</source>
        <translation>{owner} : pas d'adresse électronique pour les réquisitions, elles ne peuvent pas lui être envoyées{detail}.</translation>
    </message>
    <message>
        <location filename="../core/registry_checks.py" line="48"/>
        <source>{owner}: answers in {hours} hours (median), after its footage is purged ({days} days).</source>
        <translation>{owner} : répond en {hours} heures (médiane), après l'effacement de ses images ({days} jours).</translation>
    </message>
    <message>
        <location filename="../core/registry_checks.py" line="82"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location filename="../core/registry_checks.py" line="84"/>
        <source> nor phoned</source>
        <translation> ni téléphonées</translation>
    </message>
    <message>
        <location filename="../processing/check_registry.py" line="72"/>
        <source>Check the registry</source>
        <translation>Vérifier le registre</translation>
    </message>
    <message>
        <location filename="../processing/check_registry.py" line="73"/>
        <source>Lists what is wrong in the camera registry and the owners directory, one row per camera or owner and problem, with a severity (high, medium, low) and a sentence: prefectoral authorisation expired or expiring within 90 days, camera not verified for 12 months, owner without a requisition e-mail, camera out of order for more than 30 days, likely duplicates (same owner, under 1 m), fixed camera without direction, camera outside TERRITORY (when given), owners whose median answer time (at least 5 answered requisitions) exceeds the retention of their cameras. Owners are placed at the centre of their cameras.</source>
        <translation>Liste ce qui ne va pas dans le registre des caméras et l'annuaire des propriétaires, une ligne par caméra ou propriétaire et problème, avec une gravité (grave, moyenne, faible) et une phrase : autorisation préfectorale expirée ou expirant dans les 90 jours, caméra non vérifiée depuis 12 mois, propriétaire sans adresse de réquisition, caméra en panne depuis plus de 30 jours, doublons probables (même propriétaire, à moins de 1 m), caméra fixe sans orientation, caméra hors de TERRITORY (s'il est donné), propriétaires dont le délai médian de réponse (au moins 5 réquisitions répondues) dépasse la durée de conservation de leurs caméras. Les propriétaires sont placés au centre de leurs caméras.</translation>
    </message>
    <message>
        <location filename="../processing/statistics.py" line="27"/>
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <location filename="../processing/statistics.py" line="30"/>
        <source>Requisition statistics</source>
        <translation>Statistiques des réquisitions</translation>
    </message>
    <message>
        <location filename="../processing/statistics.py" line="31"/>
        <source>Writes into OUTPUT_FOLDER the figures from FROM to TO (days, Paris time): searches and requisitions per month against the same months a year earlier; per owner, requisitions received, hours from sending to the first answer (median, 90th percentile) and outcomes; the time from the incident to the requisition sent and the requisitions lost to the purge. Tables as CSV, the report as HTML and PDF (in French, with charts). The database computes every figure and hides any figure counting fewer than 5 requisitions (&apos;&lt; 5&apos;); no case number, officer or place is ever read. UNIT (administrators only) restricts the figures to one unit; administrators also get the figures per unit.</source>
        <translation>Écrit dans OUTPUT_FOLDER les chiffres du jour FROM au jour TO (heure de Paris) : recherches et réquisitions par mois, comparées aux mêmes mois un an plus tôt ; par propriétaire, réquisitions reçues, heures entre l'envoi et la première réponse (médiane, 9e décile) et issues ; le délai entre les faits et l'envoi de la réquisition et les réquisitions perdues faute de réponse avant l'effacement. Tableaux en CSV, rapport en HTML et PDF (en français, avec graphiques). La base de données calcule chaque chiffre et masque tout chiffre portant sur moins de 5 réquisitions (« &lt; 5 ») ; aucun numéro de procédure, officier ou lieu n'est jamais lu. UNIT (administrateurs seulement) limite les chiffres à une unité ; les administrateurs ont aussi les chiffres par unité.</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="66"/>
        <source>Last updated (Paris time)</source>
        <translation>Dernière mise à jour (heure de Paris)</translation>
    </message>
    <message>
        <location filename="../processing/import_cameras.py" line="38"/>
        <source>Imports cameras from any point layer (CSV with X/Y, GeoPackage, GeoJSON, Shapefile, an OpenStreetMap file opened by QGIS (layer points, tags in other_tags), an Overpass API JSON file) in any CRS; SOURCE_CRS overrides the layer's. Field names are matched ignoring case and accents, in English or French: ref (Nom), owner (Propriétaire), owner_email, camera_type (Type), direction (Orientation), fov (Angle), range_m (Portée), height (Hauteur), tilt (Inclinaison), retention_days (Durée de conservation), status (Statut), recording_mode, public_space, police_access, authorisation_ref, authorisation_expiry, last_verified, address (Adresse), notes (Remarques), and the OpenStreetMap tags (operator names the owner); an explicit field wins over a tag. FIELD_MAP reads other fields: target=input field;… The log lists which fields were read as what and which were ignored. A camera already in the registry (same OpenStreetMap id, or same owner and ref) is updated, never duplicated; an empty cell keeps the stored value. Only a row without a usable position or owner is rejected (OUTPUT_REJECTED, with a reason); another value that cannot be read or breaks a rule is left empty and the row comes in OUTPUT_WARNINGS with a warning. Rows that are no camera (surveillance:type=guard) are skipped and counted. Owners not yet in the directory are created and listed as lacking a contact. The whole import is one transaction: cancelling rolls it back, and so does DRY_RUN after reporting.</source>
        <translation>Importe des caméras depuis toute couche de points (CSV avec X/Y, GeoPackage, GeoJSON, Shapefile, fichier OpenStreetMap ouvert par QGIS (couche points, attributs dans other_tags), fichier JSON de l'API Overpass) dans tout SCR ; SOURCE_CRS remplace celui de la couche. Les noms de champs sont reconnus sans tenir compte de la casse ni des accents, en anglais ou en français : ref (Nom), owner (Propriétaire), owner_email, camera_type (Type), direction (Orientation), fov (Angle), range_m (Portée), height (Hauteur), tilt (Inclinaison), retention_days (Durée de conservation), status (Statut), recording_mode, public_space, police_access, authorisation_ref, authorisation_expiry, last_verified, address (Adresse), notes (Remarques), et les attributs OpenStreetMap (operator désigne le propriétaire) ; un champ explicite l'emporte sur un attribut. FIELD_MAP lit d'autres champs : cible=champ d'entrée;… Le journal indique quels champs ont été lus comme quoi et lesquels ont été ignorés. Une caméra déjà au registre (même identifiant OpenStreetMap, ou même propriétaire et même référence) est mise à jour, jamais dupliquée ; une cellule vide garde la valeur enregistrée. Seule une ligne sans position utilisable ni propriétaire est rejetée (OUTPUT_REJECTED, avec un motif) ; une autre valeur illisible ou contraire à une règle est laissée vide et la ligne figure dans OUTPUT_WARNINGS avec un avertissement. Les lignes qui ne sont pas des caméras (surveillance:type=guard) sont ignorées et comptées. Les propriétaires absents de l'annuaire sont créés et signalés sans contact. L'import est une seule transaction : l'annuler revient en arrière, DRY_RUN aussi après le rapport.</translation>
    </message>
    <message>
        <location filename="../processing/import_outputs.py" line="42"/>
        <source>Field mapping: target=input field;… (for example ref=Identifiant;address=Lieu)</source>
        <translation>Correspondance des champs : cible=champ d'entrée;… (par exemple ref=Identifiant;address=Lieu)</translation>
    </message>
    <message>
        <location filename="../processing/import_outputs.py" line="50"/>
        <source>Dry run: do and report everything, then roll back</source>
        <translation>Essai à blanc : tout faire et tout rapporter, puis annuler</translation>
    </message>
    <message>
        <location filename="../processing/import_outputs.py" line="58"/>
        <source>Rows imported with warnings (the input fields and a warning)</source>
        <translation>Lignes importées avec avertissement (les champs d'entrée et l'avertissement)</translation>
    </message>
    <message>
        <location filename="../processing/import_outputs.py" line="66"/>
        <source>Rows with warnings</source>
        <translation>Lignes avec avertissement</translation>
    </message>
    <message>
        <location filename="../processing/import_outputs.py" line="66"/>
        <source>Rows skipped (not cameras)</source>
        <translation>Lignes ignorées (pas des caméras)</translation>
    </message>
    <message>
        <location filename="../processing/import_outputs.py" line="131"/>
        <source>Row {id}: {reason}</source>
        <translation>Ligne {id} : {reason}</translation>
    </message>
    <message>
        <location filename="../processing/import_outputs.py" line="166"/>
        <source>Fields used: {used}</source>
        <translation>Champs lus : {used}</translation>
    </message>
    <message>
        <location filename="../processing/import_outputs.py" line="167"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../processing/import_outputs.py" line="167"/>
        <source>Fields ignored: {ignored}</source>
        <translation>Champs ignorés : {ignored}</translation>
    </message>
    <message>
        <location filename="../processing/import_outputs.py" line="168"/>
        <source>{what}: {i} imported, {u} updated, {r} rejected, {w} with warnings, {s} skipped.</source>
        <translation>{what} : {i} importés, {u} mis à jour, {r} rejetés, {w} avec avertissement, {s} ignorés.</translation>
    </message>
    <message>
        <location filename="../processing/import_outputs.py" line="175"/>
        <source>Rows skipped ({n}): {reason}</source>
        <translation>Lignes ignorées ({n}) : {reason}</translation>
    </message>
    <message>
        <location filename="../processing/import_outputs.py" line="183"/>
        <source>Dry run: nothing was written, the transaction was rolled back.</source>
        <translation>Essai à blanc : rien n'a été écrit, la transaction a été annulée.</translation>
    </message>
    <message>
        <location filename="../processing/import_owners.py" line="33"/>
        <source>Imports the owners directory from a table (CSV, spreadsheet or any layer). Field names are matched ignoring case and accents, in English or French: name (Nom, required), kind (Type: metropolis, city, departement, transport, landlord or private), email (Courriel, where requisitions go), phone (Téléphone), address (Adresse), response_days (Délai de réponse), notes (Remarques); FIELD_MAP reads other fields (target=input field;…). An owner whose name is already in the directory (ignoring case) is updated, never duplicated; an empty cell keeps the stored value. A row without a name is rejected (OUTPUT_REJECTED); another value that cannot be read or breaks a rule is left empty and the row comes in OUTPUT_WARNINGS. The whole import is one transaction: cancelling rolls it back, and so does DRY_RUN after reporting.</source>
        <translation>Importe l'annuaire des propriétaires depuis une table (CSV, tableur ou toute couche). Les noms de champs sont reconnus sans tenir compte de la casse ni des accents, en anglais ou en français : name (Nom, obligatoire), kind (Type : metropolis, city, departement, transport, landlord ou private), email (Courriel, où partent les réquisitions), phone (Téléphone), address (Adresse), response_days (Délai de réponse), notes (Remarques) ; FIELD_MAP lit d'autres champs (cible=champ d'entrée;…). Un propriétaire dont le nom est déjà dans l'annuaire (sans tenir compte de la casse) est mis à jour, jamais dupliqué ; une cellule vide garde la valeur enregistrée. Une ligne sans nom est rejetée (OUTPUT_REJECTED) ; une autre valeur illisible ou contraire à une règle est laissée vide et la ligne figure dans OUTPUT_WARNINGS. L'import est une seule transaction : l'annuler revient en arrière, DRY_RUN aussi après le rapport.</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="50"/>
        <source>Rank</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="70"/>
        <source>Unit&apos;s city</source>
        <translation>Ville de l'unité</translation>
    </message>
    <message>
        <location filename="../core/requisitions.py" line="307"/>
        <source>required, the requisition prints it (give it, or set it once in the CamReq settings).</source>
        <translation>obligatoire, la réquisition l'imprime (indiquez-le, ou une fois pour toutes dans les paramètres CamReq).</translation>
    </message>
    <message>
        <location filename="../processing/load_sample_data.py" line="23"/>
        <source>Load the sample registry and addresses (SYNTHETIC Grenoble data)</source>
        <translation>Charger le registre et les adresses d'exemple (données grenobloises SYNTHÉTIQUES)</translation>
    </message>
    <message>
        <location filename="../processing/load_sample_data.py" line="24"/>
        <source>SYNTHETIC DATA: loads the invented Grenoble-area sample registry shipped in the plugin&apos;s sample folder (18 owners, 1,415 cameras, and the addresses of nine communes in the Base Adresse Nationale&apos;s format) to try, demonstrate or test CamReq. None of these cameras, contacts or authorisations exists, and the addresses&apos; positions are invented: never load it into a production database. It goes through the same imports as camreq:importowners, camreq:importcameras and camreq:importaddresses, in one transaction; running it again updates the same rows.</source>
        <translation>DONNÉES SYNTHÉTIQUES : charge le registre d'exemple inventé de l'agglomération grenobloise fourni dans le dossier sample de l'extension (18 propriétaires, 1 415 caméras, et les adresses de neuf communes au format de la Base Adresse Nationale) pour essayer, montrer ou tester CamReq. Aucune de ces caméras, de ces coordonnées ni de ces autorisations n'existe, et les positions des adresses sont inventées : ne le chargez jamais dans une base de production. Il passe par les mêmes imports que camreq:importowners, camreq:importcameras et camreq:importaddresses, en une seule transaction ; le relancer met à jour les mêmes lignes.</translation>
    </message>
    <message>
        <location filename="../core/signing.py" line="178"/>
        <source>the QGIS authentication configuration &apos;{authcfg}&apos; cannot be read: check that it exists and that the master password is set.</source>
        <translation>la configuration d'authentification QGIS « {authcfg} » ne peut pas être lue : vérifiez qu'elle existe et que le mot de passe principal est saisi.</translation>
    </message>
    <message>
        <location filename="../core/mailer.py" line="80"/>
        <source>the mail server&apos;s name or address is missing.</source>
        <translation>le nom ou l'adresse du serveur de messagerie manque.</translation>
    </message>
    <message>
        <location filename="../core/mailer.py" line="82"/>
        <source>the sender&apos;s e-mail address is missing or is not an e-mail address.</source>
        <translation>l'adresse électronique de l'expéditeur manque ou n'est pas une adresse électronique.</translation>
    </message>
    <message>
        <location filename="../core/mailer.py" line="175"/>
        <source>the mail server {server} refused the connection: is it running, on this port?</source>
        <translation>le serveur de messagerie {server} a refusé la connexion : fonctionne-t-il, sur ce port ?</translation>
    </message>
    <message>
        <location filename="../core/mailer.py" line="177"/>
        <source>the mail server {server} did not answer within {seconds} seconds.</source>
        <translation>le serveur de messagerie {server} n'a pas répondu en {seconds} secondes.</translation>
    </message>
    <message>
        <location filename="../core/mailer.py" line="181"/>
        <source>the mail server&apos;s name {host} is unknown: check it.</source>
        <translation>le nom du serveur de messagerie {host} est inconnu : vérifiez-le.</translation>
    </message>
    <message>
        <location filename="../core/mailer.py" line="183"/>
        <source>the mail server {server} closed the connection.</source>
        <translation>le serveur de messagerie {server} a fermé la connexion.</translation>
    </message>
    <message>
        <location filename="../core/mailer.py" line="185"/>
        <source>the secure connection to the mail server {server} failed ({reason}): check SMTP_SECURITY and the port.</source>
        <translation>la connexion sécurisée au serveur de messagerie {server} a échoué ({reason}) : vérifiez SMTP_SECURITY et le port.</translation>
    </message>
    <message>
        <location filename="../core/mailer.py" line="189"/>
        <source>the mail server {server} does not offer what SMTP_SECURITY asks for ({reason}).</source>
        <translation>le serveur de messagerie {server} n'offre pas ce que demande SMTP_SECURITY ({reason}).</translation>
    </message>
    <message>
        <location filename="../core/mailer.py" line="192"/>
        <source>the mail server {server} cannot be reached: {reason}.</source>
        <translation>le serveur de messagerie {server} est injoignable : {reason}.</translation>
    </message>
    <message>
        <location filename="../processing/geocode_incidents.py" line="41"/>
        <source>Geocode incidents from their addresses</source>
        <translation>Géocoder des faits à partir de leur adresse</translation>
    </message>
    <message>
        <location filename="../processing/geocode_incidents.py" line="42"/>
        <source>Places each row of a table (a CSV of complaints, a police export…) on the map from its address, with the addresses loaded by camreq:importaddresses, offline. ADDRESS_FIELD holds the address (number and street, or the whole address); CITY_FIELD and POSTCODE_FIELD, where given, are added to it. The search forgives case, accents, abbreviations (bd, av, r., pl, st…), bis/ter and small typos. OUTPUT has the input's fields plus geocode_score (0 to 1) and geocode_label (the address as the BAN writes it), in WGS84. Rows whose best answer scores under MIN_SCORE are left out and counted in UNMATCHED, each with its reason in the log. Chain it before camreq:camerasnearincident (see the model camreq:morningaddresses).</source>
        <translation>Place sur la carte chaque ligne d'une table (un CSV de plaintes, un export de police…) à partir de son adresse, avec les adresses chargées par camreq:importaddresses, hors ligne. ADDRESS_FIELD contient l'adresse (numéro et voie, ou l'adresse entière) ; CITY_FIELD et POSTCODE_FIELD, s'ils sont donnés, y sont ajoutés. La recherche pardonne la casse, les accents, les abréviations (bd, av, r., pl, st…), bis/ter et les petites fautes de frappe. OUTPUT a les champs de l'entrée plus geocode_score (0 à 1) et geocode_label (l'adresse telle que la BAN l'écrit), en WGS84. Les lignes dont la meilleure réponse est sous MIN_SCORE sont écartées et comptées dans UNMATCHED, chacune avec son motif dans le journal. À enchaîner avant camreq:camerasnearincident (voir le modèle camreq:morningaddresses).</translation>
    </message>
    <message>
        <location filename="../processing/import_addresses.py" line="38"/>
        <source>Import addresses (Base Adresse Nationale)</source>
        <translation>Importer les adresses (Base Adresse Nationale)</translation>
    </message>
    <message>
        <location filename="../processing/import_addresses.py" line="39"/>
        <source>Loads the addresses of the Base Adresse Nationale into the database, for the offline address search. INPUT is a BAN file as published per département (adresses-38.csv or adresses-38.csv.gz, ;-separated, UTF-8) or any table QGIS reads with the BAN columns (id, numero, rep, nom_voie, code_postal, code_insee, nom_commune, lon, lat…). Each commune the input holds is refreshed: its addresses are keyed on the BAN id (re-importing updates, never duplicates) and those gone from the input are removed; other communes are left alone. The whole import is one transaction. Rows that cannot be stored (no position, a position outside France, text in numero, a NUL character…) come back in OUTPUT_REJECTED with a reason and keep their stored version.</source>
        <translation>Charge les adresses de la Base Adresse Nationale dans la base de données, pour la recherche d'adresses hors ligne. INPUT est un fichier BAN tel que publié par département (adresses-38.csv ou adresses-38.csv.gz, séparé par des ;, UTF-8) ou toute table que QGIS lit avec les colonnes de la BAN (id, numero, rep, nom_voie, code_postal, code_insee, nom_commune, lon, lat…). Chaque commune présente dans l'entrée est rafraîchie : ses adresses sont identifiées par l'identifiant BAN (réimporter met à jour, ne duplique jamais) et celles absentes de l'entrée sont supprimées ; les autres communes ne sont pas touchées. L'import est une seule transaction. Les lignes qui ne peuvent pas être enregistrées (sans position, position hors de France, texte dans numero, caractère NUL…) reviennent dans OUTPUT_REJECTED avec un motif et gardent leur version enregistrée.</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py" line="45"/>
        <source>Unknown coordinate system &apos;{system}&apos;: choose one of {systems}.</source>
        <translation>Système de coordonnées « {system} » inconnu : choisissez parmi {systems}.</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py" line="58"/>
        <source>Coordinates {coordinates} are neither a latitude and longitude (e.g. 45.1885 5.7245) nor Lambert-93 X and Y in France (e.g. 913500 6458000).</source>
        <translation>Les coordonnées {coordinates} ne sont ni une latitude et une longitude (par ex. 45.1885 5.7245) ni des X et Y Lambert-93 en France (par ex. 913500 6458000).</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py" line="79"/>
        <source>Coordinates {coordinates} must be two numbers, such as &apos;45.1885 5.7245&apos; (latitude longitude) or &apos;913500 6458000&apos; (Lambert-93 X Y).</source>
        <translation>Les coordonnées {coordinates} doivent être deux nombres, comme « 45.1885 5.7245 » (latitude longitude) ou « 913500 6458000 » (X Y Lambert-93).</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py" line="115"/>
        <source>Latitude {latitude:g} is outside -90..90: type the latitude first, then the longitude.</source>
        <translation>La latitude {latitude:g} est hors de -90..90 : saisissez d'abord la latitude, puis la longitude.</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py" line="121"/>
        <source>Longitude {longitude:g} is outside -180..180.</source>
        <translation>La longitude {longitude:g} est hors de -180..180.</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py" line="128"/>
        <source>Lambert-93 X {x:.0f}, Y {y:.0f} is outside France: X runs from about -378000 to 1320000 and Y from about 6005000 to 7235000 metres.</source>
        <translation>Le point Lambert-93 X {x:.0f}, Y {y:.0f} est hors de France : X va d'environ -378000 à 1320000 et Y d'environ 6005000 à 7235000 mètres.</translation>
    </message>
    <message>
        <location filename="../core/followup.py" line="58"/>
        <source>This requisition has no PDF in the database.</source>
        <translation>Cette réquisition n'a pas de PDF dans la base de données.</translation>
    </message>
    <message>
        <location filename="../core/followup.py" line="69"/>
        <source>Requisition {number} is {status}: only an issued requisition not yet accepted by the mail server can be sent again.</source>
        <translation>La réquisition {number} est au statut {status} : seule une réquisition émise pas encore acceptée par le serveur de messagerie peut être renvoyée.</translation>
    </message>
    <message>
        <location filename="../core/incidents.py" line="42"/>
        <source>give the incident start date-time, or a START_FIELD to read it per incident.</source>
        <translation>indiquez la date et l'heure de début des faits, ou un champ START_FIELD pour la lire pour chaque fait.</translation>
    </message>
    <message>
        <location filename="../core/incidents.py" line="61"/>
        <source>the value {value!r} is not a date-time.</source>
        <translation>la valeur {value!r} n'est pas une date et heure.</translation>
    </message>
    <message>
        <location filename="../core/incidents.py" line="75"/>
        <source>the layer has no CRS; set its CRS so that distances can be measured.</source>
        <translation>la couche n'a pas de SCR ; définissez son SCR pour que les distances puissent être mesurées.</translation>
    </message>
    <message>
        <location filename="../core/incidents.py" line="79"/>
        <source>the layer&apos;s CRS ({crs}) cannot be transformed to WGS84; give the incidents in a CRS with a known datum (e.g. EPSG:2154 or EPSG:4326).</source>
        <translation>le SCR de la couche ({crs}) ne peut pas être converti en WGS84 ; donnez les faits dans un SCR au système géodésique connu (par ex. EPSG:2154 ou EPSG:4326).</translation>
    </message>
    <message>
        <location filename="../core/incidents.py" line="96"/>
        <source>incident &apos;{incident}&apos; has no start date-time.</source>
        <translation>le fait « {incident} » n'a pas de date et heure de début.</translation>
    </message>
    <message>
        <location filename="../core/incidents.py" line="110"/>
        <source>incident &apos;{incident}&apos; is not on Earth in the layer&apos;s CRS (longitude -180 to 180, latitude -90 to 90 once in WGS84); check its coordinates and the layer&apos;s CRS.</source>
        <translation>le fait « {incident} » n'est pas sur la Terre dans le SCR de la couche (longitude -180 à 180, latitude -90 à 90 une fois en WGS84) ; vérifiez ses coordonnées et le SCR de la couche.</translation>
    </message>
    <message>
        <location filename="../core/incidents.py" line="132"/>
        <source>feature {feature} has no value in &apos;{field}&apos;.</source>
        <translation>l'entité {feature} n'a pas de valeur dans « {field} ».</translation>
    </message>
    <message>
        <location filename="../core/incidents.py" line="141"/>
        <source>incident &apos;{incident}&apos; has an empty geometry.</source>
        <translation>le fait « {incident} » a une géométrie vide.</translation>
    </message>
    <message>
        <location filename="../core/incidents.py" line="149"/>
        <source>incident &apos;{incident}&apos; has an invalid geometry ({reason}).</source>
        <translation>le fait « {incident} » a une géométrie invalide ({reason}).</translation>
    </message>
    <message>
        <location filename="../core/incidents.py" line="157"/>
        <source>route &apos;{incident}&apos; has {parts} separate parts; SPEED_KMH needs one continuous line.</source>
        <translation>le trajet « {incident} » a {parts} parties séparées ; SPEED_KMH exige une ligne continue.</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="23"/>
        <source>contains a NUL character (\x00), which cannot be stored; remove it.</source>
        <translation>contient un caractère NUL (\x00), qui ne peut pas être enregistré ; supprimez-le.</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="31"/>
        <source>a value is needed.</source>
        <translation>une valeur est nécessaire.</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="34"/>
        <source>{length} characters, at most {maximum} are accepted.</source>
        <translation>{length} caractères, {maximum} au plus sont acceptés.</translation>
    </message>
    <message>
        <location filename="../core/mailer.py" line="84"/>
        <source>a password is only sent over an encrypted connection: set SMTP_SECURITY to starttls or ssl.</source>
        <translation>un mot de passe n'est envoyé que par une connexion chiffrée : réglez SMTP_SECURITY sur starttls ou ssl.</translation>
    </message>
    <message>
        <location filename="../core/mailer.py" line="200"/>
        <source>{security!r} is not one of {choices}.</source>
        <translation>{security!r} n'est pas l'une des valeurs {choices}.</translation>
    </message>
    <message>
        <location filename="../core/map_extract.py" line="85"/>
        <source>say whose map the base map is (e.g. © OpenStreetMap contributors); it is printed under the map.</source>
        <translation>indiquez à qui appartient le fond de carte (par ex. © contributeurs OpenStreetMap) ; c'est imprimé sous la carte.</translation>
    </message>
    <message>
        <location filename="../core/map_extract.py" line="100"/>
        <source>QGIS cannot open {source!r}: give an XYZ or WMS URI (type=xyz&amp;url=…) or the path of a GeoPackage, MBTiles or vector file.</source>
        <translation>QGIS ne peut pas ouvrir {source!r} : donnez une URI XYZ ou WMS (type=xyz&amp;url=…) ou le chemin d'un GeoPackage, d'un MBTiles ou d'un fichier vecteur.</translation>
    </message>
    <message>
        <location filename="../core/requisitions.py" line="117"/>
        <source>Camera {camera} left out: requisition {requisition} of the same case already asks for its footage from {start} to {end} (REPEAT asks again).</source>
        <translation>Caméra {camera} écartée : la réquisition {requisition} de la même procédure demande déjà ses images du {start} au {end} (REPEAT les redemande).</translation>
    </message>
    <message>
        <location filename="../core/requisitions.py" line="129"/>
        <source>{owner}: the answer deadline asked for falls after the footage is purged; brought forward to {deadline}.</source>
        <translation>{owner} : la date limite de réponse demandée tombe après l'effacement des images ; avancée au {deadline}.</translation>
    </message>
    <message>
        <location filename="../core/requisitions.py" line="233"/>
        <source>requisition {number} is already {status}, not a draft.</source>
        <translation>la réquisition {number} est déjà au statut {status}, ce n'est plus un brouillon.</translation>
    </message>
    <message>
        <location filename="../core/requisitions.py" line="261"/>
        <source>unknown status {status!r}.</source>
        <translation>statut {status!r} inconnu.</translation>
    </message>
    <message>
        <location filename="../core/requisitions.py" line="272"/>
        <source>say how requisition {number} was served without e-mail (in person, fax, registered letter, with the date).</source>
        <translation>indiquez comment la réquisition {number} a été remise sans courriel (en main propre, par télécopie, par lettre recommandée, avec la date).</translation>
    </message>
    <message>
        <location filename="../core/requisitions.py" line="294"/>
        <source>no camera given; select cameras from a camreq:camerasnearincident result.</source>
        <translation>aucune caméra donnée ; sélectionnez des caméras dans un résultat de camreq:camerasnearincident.</translation>
    </message>
    <message>
        <location filename="../core/requisitions.py" line="318"/>
        <source>required for a {investigation} investigation ({authorisation}).</source>
        <translation>obligatoire pour une enquête de type {investigation} ({authorisation}).</translation>
    </message>
    <message>
        <location filename="../core/requisitions.py" line="332"/>
        <source>WeasyPrint is not installed or its libraries are missing: pip install weasyprint.</source>
        <translation>WeasyPrint n'est pas installé ou ses bibliothèques manquent : pip install weasyprint.</translation>
    </message>
    <message>
        <location filename="../core/requisitions.py" line="341"/>
        <source>camera {camera}: window_end is before window_start.</source>
        <translation>caméra {camera} : window_end est antérieur à window_start.</translation>
    </message>
    <message>
        <location filename="../core/requisitions.py" line="382"/>
        <source>{count} camera id(s) not in the registry: {ids}.</source>
        <translation>{count} identifiant(s) de caméra absent(s) du registre : {ids}.</translation>
    </message>
    <message>
        <location filename="../core/requisitions.py" line="388"/>
        <source>search_id {search} is not in the consultation log (camreq.searches).</source>
        <translation>search_id {search} n'est pas dans le journal des consultations (camreq.searches).</translation>
    </message>
    <message>
        <location filename="../core/requisitions.py" line="437"/>
        <source>{folder} cannot be created: {reason}.</source>
        <translation>{folder} ne peut pas être créé : {reason}.</translation>
    </message>
    <message>
        <location filename="../core/requisitions.py" line="441"/>
        <source>{folder} is not writable.</source>
        <translation>{folder} n'est pas accessible en écriture.</translation>
    </message>
    <message>
        <location filename="../core/requisitions.py" line="525"/>
        <source>{path} cannot be written ({reason}); the requisitions are made and their PDFs are kept in the database (Follow-up tab: Open the PDF).</source>
        <translation>{path} ne peut pas être écrit ({reason}) ; les réquisitions sont établies et leurs PDF sont conservés dans la base de données (onglet Suivi : Ouvrir le PDF).</translation>
    </message>
    <message>
        <location filename="../core/requisitions.py" line="541"/>
        <source>Cancelled: no requisition was made or changed.</source>
        <translation>Annulé : aucune réquisition n'a été établie ni modifiée.</translation>
    </message>
    <message>
        <location filename="../core/search.py" line="104"/>
        <source>&apos;{value}&apos; is not an ISO 8601 date-time such as 2025-03-10T14:30:00+01:00.</source>
        <translation>« {value} » n'est pas une date et heure ISO 8601 comme 2025-03-10T14:30:00+01:00.</translation>
    </message>
    <message>
        <location filename="../core/search.py" line="113"/>
        <source>{distance:g} m is out of range; give a distance over 0 and at most {maximum:g} m.</source>
        <translation>{distance:g} m est hors limites ; donnez une distance supérieure à 0 et d'au plus {maximum:g} m.</translation>
    </message>
    <message>
        <location filename="../core/search.py" line="120"/>
        <source>say why you search (case number, incident); it goes to the consultation log.</source>
        <translation>indiquez pourquoi vous recherchez (n° de procédure, faits) ; c'est inscrit au journal des consultations.</translation>
    </message>
    <message>
        <location filename="../core/search.py" line="122"/>
        <source>{speed:g} km/h is not a speed; give one over 0 and at most {maximum:g}, or none.</source>
        <translation>{speed:g} km/h n'est pas une vitesse ; donnez-en une supérieure à 0 et d'au plus {maximum:g}, ou aucune.</translation>
    </message>
    <message>
        <location filename="../core/search.py" line="129"/>
        <source>{margin:g} is out of range; give 0 to {maximum:g} minutes.</source>
        <translation>{margin:g} est hors limites ; donnez de 0 à {maximum:g} minutes.</translation>
    </message>
    <message>
        <location filename="../core/search.py" line="146"/>
        <source>there is no incident to search around.</source>
        <translation>il n'y a aucun fait autour duquel rechercher.</translation>
    </message>
    <message>
        <location filename="../core/search.py" line="166"/>
        <source>the incident id &apos;{incident}&apos; appears more than once.</source>
        <translation>l'identifiant de fait « {incident} » apparaît plusieurs fois.</translation>
    </message>
    <message>
        <location filename="../core/search.py" line="174"/>
        <source>incident &apos;{incident}&apos; has no end; give END or END_FIELD (only a route searched with SPEED_KMH may go without).</source>
        <translation>le fait « {incident} » n'a pas de fin ; donnez END ou END_FIELD (seul un trajet recherché avec SPEED_KMH peut s'en passer).</translation>
    </message>
    <message>
        <location filename="../core/search.py" line="182"/>
        <source>incident &apos;{incident}&apos; ends ({end}) before it starts ({start}).</source>
        <translation>le fait « {incident} » se termine ({end}) avant de commencer ({start}).</translation>
    </message>
    <message>
        <location filename="../core/search.py" line="211"/>
        <source>latitude and longitude swapped? Read as latitude {lat:.5f}, longitude {lon:.5f}; type {lon:.5f} {lat:.5f} (latitude first).</source>
        <translation>latitude et longitude inversées ? Lu comme latitude {lat:.5f}, longitude {lon:.5f} ; saisissez {lon:.5f} {lat:.5f} (latitude en premier).</translation>
    </message>
    <message>
        <location filename="../core/search.py" line="211"/>
        <source>check the coordinates and their system (WGS84 latitude longitude, or Lambert-93 X Y).</source>
        <translation>vérifiez les coordonnées et leur système (latitude longitude WGS84, ou X Y Lambert-93).</translation>
    </message>
    <message>
        <location filename="../core/search.py" line="219"/>
        <source>incident &apos;{incident}&apos; is more than {km:g} km from every camera of the registry: {cause}</source>
        <translation>le fait « {incident} » est à plus de {km:g} km de toute caméra du registre : {cause}</translation>
    </message>
    <message>
        <location filename="../core/statistics.py" line="49"/>
        <source>{end} is before FROM {start}.</source>
        <translation>{end} est antérieur à FROM {start}.</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="31"/>
        <source>Base map</source>
        <translation>Fond de carte</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="32"/>
        <source>Base map attribution</source>
        <translation>Source du fond de carte</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="35"/>
        <source>Storage CRS</source>
        <translation>SCR de stockage</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="37"/>
        <source>Search distance</source>
        <translation>Distance de recherche</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="38"/>
        <source>Incident end</source>
        <translation>Fin des faits</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="39"/>
        <source>Field mapping</source>
        <translation>Correspondance des champs</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="40"/>
        <source>Sender address</source>
        <translation>Adresse de l'expéditeur</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="41"/>
        <source>Incident id</source>
        <translation>Identifiant du fait</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="42"/>
        <source>Incident</source>
        <translation>Faits</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="43"/>
        <source>Input file</source>
        <translation>Fichier d'entrée</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="45"/>
        <source>Time margin</source>
        <translation>Marge de temps</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="47"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="48"/>
        <source>Requisition number</source>
        <translation>Numéro de la réquisition</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="52"/>
        <source>PDF folder</source>
        <translation>Dossier des PDF</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="56"/>
        <source>Reason for the search</source>
        <translation>Motif de la recherche</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="59"/>
        <source>Mail server login</source>
        <translation>Identifiants du serveur de messagerie</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="60"/>
        <source>Mail server</source>
        <translation>Serveur de messagerie</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="61"/>
        <source>Mail server security</source>
        <translation>Sécurité du serveur de messagerie</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="62"/>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="63"/>
        <source>Incident start</source>
        <translation>Début des faits</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="64"/>
        <source>Start field</source>
        <translation>Champ de début</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="67"/>
        <source>End of period</source>
        <translation>Fin de période</translation>
    </message>
    <message>
        <location filename="../core/addresses.py" line="119"/>
        <source>{file} is not a BAN file: the column(s) {columns} are missing (a BAN file is ;-separated with a header id;id_fantoir;numero;…).</source>
        <translation>{file} n'est pas un fichier BAN : la ou les colonnes {columns} manquent (un fichier BAN est séparé par des ; avec un en-tête id;id_fantoir;numero;…).</translation>
    </message>
    <message>
        <location filename="../core/addresses.py" line="146"/>
        <source>the table lacks the BAN field(s) {fields}.</source>
        <translation>la table n'a pas le ou les champs BAN {fields}.</translation>
    </message>
    <message>
        <location filename="../core/addresses.py" line="234"/>
        <source>Import cancelled: the transaction was rolled back, nothing was imported.</source>
        <translation>Import annulé : la transaction a été annulée, rien n'a été importé.</translation>
    </message>
    <message>
        <location filename="../core/addresses.py" line="326"/>
        <source>The database holds no address: load the Base Adresse Nationale of your département with camreq:importaddresses first.</source>
        <translation>La base de données ne contient aucune adresse : chargez d'abord la Base Adresse Nationale de votre département avec camreq:importaddresses.</translation>
    </message>
    <message>
        <location filename="../core/import_values.py" line="51"/>
        <source>{pair!r} is not target=source (for example ref=Identifiant).</source>
        <translation>{pair!r} n'est pas de la forme cible=source (par exemple ref=Identifiant).</translation>
    </message>
    <message>
        <location filename="../core/import_values.py" line="72"/>
        <source>{given!r} is not a field CamReq reads; use one of {names}.</source>
        <translation>{given!r} n'est pas un champ lu par CamReq ; utilisez l'un de {names}.</translation>
    </message>
    <message>
        <location filename="../core/import_values.py" line="79"/>
        <source>the layer has no field {source!r} (for {target}).</source>
        <translation>la couche n'a pas de champ {source!r} (pour {target}).</translation>
    </message>
    <message>
        <location filename="../core/overpass.py" line="46"/>
        <source>{file} is not Overpass API JSON ({reason}).</source>
        <translation>{file} n'est pas du JSON de l'API Overpass ({reason}).</translation>
    </message>
    <message>
        <location filename="../core/registry_import.py" line="150"/>
        <source>the layer has no CRS; set its CRS (or SOURCE_CRS) so that its points can be placed.</source>
        <translation>la couche n'a pas de SCR ; définissez son SCR (ou SOURCE_CRS) pour que ses points puissent être placés.</translation>
    </message>
    <message>
        <location filename="../core/registry_import.py" line="195"/>
        <source>the table has no &apos;name&apos; field (nor &apos;Nom&apos;); each owner needs a name.</source>
        <translation>la table n'a pas de champ « name » (ni « Nom ») ; chaque propriétaire doit avoir un nom.</translation>
    </message>
    <message>
        <location filename="../core/registry_import.py" line="422"/>
        <source>Import cancelled at row {row}: the transaction was rolled back, nothing was imported.</source>
        <translation>Import annulé à la ligne {row} : la transaction a été annulée, rien n'a été importé.</translation>
    </message>
    <message>
        <location filename="../core/sample_data.py" line="33"/>
        <source>Cannot read {path}: {reason}</source>
        <translation>Impossible de lire {path} : {reason}</translation>
    </message>
    <message>
        <location filename="../core/sample_data.py" line="33"/>
        <source>not a CSV file QGIS can open</source>
        <translation>ce n'est pas un fichier CSV que QGIS sait ouvrir</translation>
    </message>
    <message>
        <location filename="../core/requisitions.py" line="263"/>
        <source>{reason!r} is not a reason for no footage ({reasons}), and only goes with STATUS=no_footage.</source>
        <translation>{reason!r} n'est pas un motif d'absence d'images ({reasons}), et ne va qu'avec STATUS=no_footage.</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="46"/>
        <source>Why there is no footage</source>
        <translation>Motif d'absence d'images</translation>
    </message>
    <message>
        <location filename="../core/layers.py" line="116"/>
        <source>Base map: {attribution}</source>
        <translation>Fond de carte : {attribution}</translation>
    </message>
    <message>
        <location filename="../core/signing.py" line="63"/>
        <source>this database requires signed requisitions: give the officer&apos;s certificate (SIGNING_AUTHCFG, a QGIS PKI PKCS#12 configuration, or PKCS11_MODULE and PKCS11_KEY_LABEL for a smartcard).</source>
        <translation>cette base exige des réquisitions signées : donnez le certificat de l'officier (SIGNING_AUTHCFG, une configuration PKI PKCS#12 de QGIS, ou PKCS11_MODULE et PKCS11_KEY_LABEL pour une carte à puce).</translation>
    </message>
    <message>
        <location filename="../core/signing.py" line="95"/>
        <source>the certificate of {subject} is not valid before {start}.</source>
        <translation>le certificat de {subject} n'est pas valable avant le {start}.</translation>
    </message>
    <message>
        <location filename="../core/signing.py" line="102"/>
        <source>the certificate of {subject} expired on {end}.</source>
        <translation>le certificat de {subject} a expiré le {end}.</translation>
    </message>
    <message>
        <location filename="../core/signing.py" line="107"/>
        <source>the certificate of {subject} may not sign documents (its key usage has neither digitalSignature nor nonRepudiation).</source>
        <translation>le certificat de {subject} ne permet pas de signer des documents (son usage de clé n'a ni digitalSignature ni nonRepudiation).</translation>
    </message>
    <message>
        <location filename="../core/signing.py" line="141"/>
        <source>the requisition could not be signed: {reason}</source>
        <translation>la réquisition n'a pas pu être signée : {reason}</translation>
    </message>
    <message>
        <location filename="../core/signing.py" line="194"/>
        <source>&apos;{authcfg}&apos; is a {method} configuration, not PKI PKCS#12.</source>
        <translation>« {authcfg} » est une configuration {method}, pas PKI PKCS#12.</translation>
    </message>
    <message>
        <location filename="../core/signing.py" line="205"/>
        <source>the PKCS#12 file of &apos;{authcfg}&apos; cannot be opened: {reason}</source>
        <translation>le fichier PKCS#12 de « {authcfg} » ne peut pas être ouvert : {reason}</translation>
    </message>
    <message>
        <location filename="../core/signing.py" line="205"/>
        <source>wrong password or not a PKCS#12 file</source>
        <translation>mot de passe erroné ou fichier qui n'est pas un PKCS#12</translation>
    </message>
    <message>
        <location filename="../core/signing.py" line="212"/>
        <source>the PKCS#12 file of &apos;{authcfg}&apos; holds no key.</source>
        <translation>le fichier PKCS#12 de « {authcfg} » ne contient aucune clé.</translation>
    </message>
    <message>
        <location filename="../core/signing.py" line="228"/>
        <source>the smartcard&apos;s PIN is needed (PKCS11_PIN_AUTHCFG, or type it in the panel).</source>
        <translation>le code PIN de la carte à puce est nécessaire (PKCS11_PIN_AUTHCFG, ou saisissez-le dans le panneau).</translation>
    </message>
    <message>
        <location filename="../core/signing.py" line="235"/>
        <source>the smartcard refused the PIN.</source>
        <translation>la carte à puce a refusé le code PIN.</translation>
    </message>
    <message>
        <location filename="../core/signing.py" line="237"/>
        <source>the smartcard cannot be opened with {module}: {reason}</source>
        <translation>la carte à puce ne peut pas être ouverte avec {module} : {reason}</translation>
    </message>
    <message>
        <location filename="../core/signing.py" line="269"/>
        <source>the smartcard has no certificate labelled {label}.</source>
        <translation>la carte à puce n'a pas de certificat nommé {label}.</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="53"/>
        <source>Smartcard key label</source>
        <translation>Nom de la clé sur la carte</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="54"/>
        <source>Smartcard library</source>
        <translation>Bibliothèque de la carte à puce</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="55"/>
        <source>Smartcard PIN</source>
        <translation>Code PIN de la carte à puce</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="58"/>
        <source>Signing certificate</source>
        <translation>Certificat de signature</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="66"/>
        <source>Timestamp server</source>
        <translation>Serveur d'horodatage</translation>
    </message>
    <message>
        <location filename="../core/translation.py" line="68"/>
        <source>Trusted root certificates</source>
        <translation>Certificats racines de confiance</translation>
    </message>
    <message>
        <location filename="../core/verification.py" line="53"/>
        <source>{path} is not a PEM bundle of certificates: {reason}</source>
        <translation>{path} n'est pas un fichier PEM de certificats : {reason}</translation>
    </message>
    <message>
        <location filename="../core/verification.py" line="57"/>
        <source>{path} holds no certificate.</source>
        <translation>{path} ne contient aucun certificat.</translation>
    </message>
    <message>
        <location filename="../core/verification.py" line="72"/>
        <source>the file cannot be read as a PDF ({reason}).</source>
        <translation>le fichier ne peut pas être lu comme un PDF ({reason}).</translation>
    </message>
    <message>
        <location filename="../core/verification.py" line="76"/>
        <source>the file carries no electronic signature.</source>
        <translation>le fichier ne porte aucune signature électronique.</translation>
    </message>
    <message>
        <location filename="../core/verification.py" line="102"/>
        <source>the signature cannot be read ({reason}).</source>
        <translation>la signature ne peut pas être lue ({reason}).</translation>
    </message>
    <message>
        <location filename="../core/verification.py" line="108"/>
        <source>the signature does not match the file: it was changed after signing.</source>
        <translation>la signature ne correspond pas au fichier : il a été modifié après la signature.</translation>
    </message>
    <message>
        <location filename="../core/verification.py" line="110"/>
        <source>the file was changed (re-saved or added to) after it was signed.</source>
        <translation>le fichier a été modifié (réenregistré ou complété) après avoir été signé.</translation>
    </message>
    <message>
        <location filename="../core/verification.py" line="112"/>
        <source>the signer&apos;s certificate does not chain to a trusted root (TRUST_ROOTS).</source>
        <translation>le certificat du signataire ne remonte pas à une racine de confiance (TRUST_ROOTS).</translation>
    </message>
    <message>
        <location filename="../core/verification.py" line="137"/>
        <source>the file names no requisition number: it cannot be compared with CamReq&apos;s records.</source>
        <translation>le fichier ne porte aucun numéro de réquisition : il ne peut pas être comparé aux enregistrements de CamReq.</translation>
    </message>
    <message>
        <location filename="../core/verification.py" line="142"/>
        <source>CamReq has no issued requisition {number} that this login may see.</source>
        <translation>CamReq n'a aucune réquisition émise {number} que cet identifiant peut voir.</translation>
    </message>
    <message>
        <location filename="../core/verification.py" line="145"/>
        <source>this file is not the one CamReq recorded for requisition {number} (SHA-256 {recorded}).</source>
        <translation>ce fichier n'est pas celui que CamReq a enregistré pour la réquisition {number} (SHA-256 {recorded}).</translation>
    </message>
    <message>
        <location filename="../processing/create_requisitions.py" line="48"/>
        <source>Makes one judicial requisition per owner from CAMERAS (the output of camreq:camerasnearincident, or a selection of it), each listing that owner&apos;s cameras with their time windows, and writes one PDF per requisition, with a map extract, into OUTPUT_FOLDER. With ISSUE, the requisitions are numbered (gapless per unit and year) and queued for camreq:sendrequisitions; otherwise they stay drafts. AUTHORISATION_REF is required for preliminary and judicial investigations. ANSWER_DEADLINE defaults to 48 hours, or the owner&apos;s earliest purge deadline if sooner; one after that purge deadline is brought forward to it. A camera window that an open requisition of the same CASE_NUMBER already covers is left out and reported (SKIPPED) unless REPEAT is ticked. BASEMAP (an XYZ or WMS URI such as type=xyz&amp;url=https://tile.openstreetmap.org/{z}/{x}/{y}.png, or a GeoPackage, MBTiles or vector file) is drawn under the map, BASEMAP_ATTRIBUTION printed under it. The officer, rank, unit and UNIT_CITY are required. Issued PDFs are signed (PAdES) with the officer&apos;s certificate: SIGNING_AUTHCFG (a QGIS PKI PKCS#12 configuration) or a smartcard (PKCS11_MODULE, PKCS11_SLOT, PKCS11_KEY_LABEL, the PIN from PKCS11_PIN_AUTHCFG), timestamped when TIMESTAMP_URL is given; a certificate expired, not yet valid or not made for signing is refused before anything is numbered. Nothing is kept if any input is wrong or the run is cancelled.</source>
        <translation>Fait une réquisition judiciaire par propriétaire à partir de CAMERAS (le résultat de camreq:camerasnearincident, ou une sélection), chacune listant les caméras de ce propriétaire avec leurs créneaux, et écrit un PDF par réquisition, avec un extrait de carte, dans OUTPUT_FOLDER. Avec ISSUE, les réquisitions sont numérotées (sans trou par unité et par année) et mises en file pour camreq:sendrequisitions ; sinon elles restent des brouillons. AUTHORISATION_REF est obligatoire pour les enquêtes préliminaires et les informations judiciaires. ANSWER_DEADLINE vaut par défaut 48 heures, ou la première date d'effacement du propriétaire si elle est plus proche ; une échéance postérieure à cet effacement y est ramenée. Un créneau de caméra déjà couvert par une réquisition ouverte du même CASE_NUMBER est écarté et signalé (SKIPPED), sauf si REPEAT est coché. BASEMAP (une URI XYZ ou WMS comme type=xyz&amp;url=https://tile.openstreetmap.org/{z}/{x}/{y}.png, ou un fichier GeoPackage, MBTiles ou vecteur) est dessiné sous la carte, BASEMAP_ATTRIBUTION imprimé dessous. L'officier, son grade, l'unité et UNIT_CITY sont obligatoires. Les PDF émis sont signés (PAdES) avec le certificat de l'officier : SIGNING_AUTHCFG (une configuration PKI PKCS#12 de QGIS) ou une carte à puce (PKCS11_MODULE, PKCS11_SLOT, PKCS11_KEY_LABEL, le code PIN venant de PKCS11_PIN_AUTHCFG), horodatés quand TIMESTAMP_URL est donné ; un certificat expiré, pas encore valable ou non prévu pour signer est refusé avant toute numérotation. Rien n'est gardé si une entrée est fausse ou si l'exécution est annulée.</translation>
    </message>
    <message>
        <location filename="../processing/set_requisition_status.py" line="31"/>
        <source>Records what happened to a requisition: issued → sent → acknowledged → footage_delivered, no_footage or refused (an owner's answer also counts as acknowledging), or cancelled from any open status. NUMBER is the requisition number (2026-000123), or a draft's id: setting a draft to 'issued' numbers it, queues its e-mail and stores its issued PDF in the database (with UNIT_ADDRESS, UNIT_CITY and BASEMAP), signed with the officer's certificate (SIGNING_AUTHCFG, or the PKCS11_ smartcard parameters). An issued requisition served another way (in person, fax, registered letter) is set to 'sent' with a NOTE saying how: its e-mail is then never sent. Other changes are refused with the allowed ones. With STATUS=no_footage, NO_FOOTAGE_REASON says why (overwritten, camera_down, not_recording, not_in_view), counted by camreq:statistics. Each change is kept in the history with who, when and NOTE; history rows are never changed.</source>
        <translation>Enregistre ce qu'il advient d'une réquisition : émise → envoyée → reçue → images remises, pas d'images ou refus (une réponse du propriétaire vaut aussi accusé de réception), ou annulée depuis tout statut ouvert. NUMBER est le numéro de la réquisition (2026-000123), ou l'identifiant d'un brouillon : passer un brouillon à « issued » le numérote, met son courriel en file et conserve son PDF émis dans la base de données (avec UNIT_ADDRESS, UNIT_CITY et BASEMAP), signé avec le certificat de l'officier (SIGNING_AUTHCFG, ou les paramètres PKCS11_ de la carte à puce). Une réquisition émise remise autrement (en main propre, par télécopie, par lettre recommandée) passe à « sent » avec une NOTE disant comment : son courriel n'est alors jamais envoyé. Les autres changements sont refusés avec ceux qui sont permis. Avec STATUS=no_footage, NO_FOOTAGE_REASON dit pourquoi (overwritten, camera_down, not_recording, not_in_view), ce que compte camreq:statistics. Chaque changement est gardé dans l'historique avec qui, quand et la NOTE ; l'historique n'est jamais modifié.</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="31"/>
        <source>Verify a signed requisition</source>
        <translation>Vérifier une réquisition signée</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="32"/>
        <source>Checks a requisition PDF (INPUT): whether its electronic signature is intact (a file changed by one byte, re-saved or cut short fails), who signed it and when (the timestamp server&apos;s time when it has one), and whether the signer&apos;s certificate chains to a root of TRUST_ROOTS (a PEM bundle; empty: the system&apos;s store). With CONNECTION, it also says whether the file is the very one CamReq recorded when requisition number (read from the PDF&apos;s title) was issued, by its SHA-256. VALID is true when all of these hold.</source>
        <translation>Vérifie le PDF d'une réquisition (INPUT) : si sa signature électronique est intacte (un fichier modifié d'un octet, réenregistré ou tronqué échoue), qui l'a signé et quand (l'heure du serveur d'horodatage quand il y en a une), et si le certificat du signataire remonte à une racine de TRUST_ROOTS (un fichier PEM ; vide : le magasin du système). Avec CONNECTION, il dit aussi si le fichier est exactement celui que CamReq a enregistré à l'émission de ce numéro de réquisition (lu dans le titre du PDF), par son SHA-256. VALID est vrai quand tout cela est vérifié.</translation>
    </message>
    <message>
        <location filename="../core/footage.py" line="46"/>
        <source>No owner portal is configured in this database (camreq.settings.portal_public_url).</source>
        <translation>Aucun portail des propriétaires n'est configuré dans cette base (camreq.settings.portal_public_url).</translation>
    </message>
    <message>
        <location filename="../core/footage.py" line="48"/>
        <source>Requisition {number} has no deposit to fetch.</source>
        <translation>La réquisition {number} n'a aucun dépôt à récupérer.</translation>
    </message>
    <message>
        <location filename="../core/footage.py" line="54"/>
        <source>Cancelled: the files fetched so far are in {folder}.</source>
        <translation>Annulé : les fichiers déjà récupérés sont dans {folder}.</translation>
    </message>
    <message>
        <location filename="../core/footage.py" line="60"/>
        <source>REFUSED: {name} as the portal sent it has SHA-256 {got}, not the {recorded} recorded at upload: the stored file was altered; it was not kept.</source>
        <translation>REFUSÉ : {name}, tel que le portail l'a envoyé, a pour SHA-256 {got} et non {recorded} enregistré au dépôt : le fichier stocké a été modifié ; il n'a pas été conservé.</translation>
    </message>
    <message>
        <location filename="../core/footage.py" line="79"/>
        <source>The portal address {url} is not http(s).</source>
        <translation>L'adresse du portail {url} n'est pas en http(s).</translation>
    </message>
    <message>
        <location filename="../core/footage.py" line="90"/>
        <source>The portal {url} cannot be reached: {reason}.</source>
        <translation>Le portail {url} est injoignable : {reason}.</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="49"/>
        <source>holds a password, which would be saved or printed in clear; keep it in the QGIS authentication database (a saved connection's Authentication tab), a pg_service.conf service or a .pgpass file, and give the connection's name or service=…</source>
        <translation>contient un mot de passe, qui serait enregistré ou affiché en clair ; gardez-le dans la base d'authentification de QGIS (onglet Authentification d'une connexion enregistrée), un service pg_service.conf ou un fichier .pgpass, et donnez le nom de la connexion ou service=…</translation>
    </message>
    <message>
        <location filename="../core/search.py" line="150"/>
        <source>an incident id of {length} characters ('{start}…'); give ids of at most {maximum}.</source>
        <translation>un identifiant d'incident de {length} caractères (« {start}… ») ; donnez des identifiants d'au plus {maximum}.</translation>
    </message>
    <message>
        <location filename="../core/search.py" line="158"/>
        <source>incident &apos;{incident}&apos; is dated {value}; give a date-time between {first} and {last}.</source>
        <translation>l'incident « {incident} » est daté du {value} ; donnez une date et heure entre {first} et {last}.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_footage.py" line="28"/>
        <source>Fetch deposited footage</source>
        <translation>Récupérer les images déposées</translation>
    </message>
    <message>
        <location filename="../processing/fetch_footage.py" line="29"/>
        <source>Downloads the files the owner deposited on the owner portal for requisition NUMBER (of your unit) into OUTPUT_FOLDER, with a 15-minute token the database gives your login only. Each file&apos;s SHA-256 is checked against the one recorded at upload: a file that differs is refused and not kept. Writes a reception report (PDF) listing every file, its size and SHA-256, for the case file.</source>
        <translation>Télécharge dans OUTPUT_FOLDER les fichiers que le propriétaire a déposés sur le portail pour la réquisition NUMBER (de votre unité), avec un jeton de 15 minutes que la base ne donne qu'à votre identifiant. Le SHA-256 de chaque fichier est comparé à celui enregistré au dépôt : un fichier différent est refusé et non conservé. Écrit un procès-verbal de réception (PDF) listant chaque fichier, sa taille et son SHA-256, pour la procédure.</translation>
    </message>
</context>
<context>
    <name>CamReqPlugin</name>
    <message>
        <location filename="../plugin.py" line="65"/>
        <source>CamReq panel</source>
        <translation>Panneau CamReq</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="70"/>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="71"/>
        <source>Install or upgrade the database…</source>
        <translation>Installer ou mettre à jour la base…</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="77"/>
        <source>Add registry layers</source>
        <translation>Ajouter les couches du registre</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="77"/>
        <source>Import cameras…</source>
        <translation>Importer des caméras…</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="77"/>
        <source>Import owners…</source>
        <translation>Importer des propriétaires…</translation>
    </message>
</context>
<context>
    <name>CamerasNearIncident</name>
    <message>
        <location filename="../processing/cameras_near_incident.py" line="89"/>
        <source>Cameras to request</source>
        <translation>Caméras à requérir</translation>
    </message>
</context>
<context>
    <name>CamreqAlgorithm</name>
    <message>
        <location filename="../processing/algorithm.py" line="67"/>
        <source>Database (QGIS PostgreSQL connection, or a connection string such as service=camreq)</source>
        <translation>Base de données (connexion PostgreSQL de QGIS, ou chaîne de connexion telle que service=camreq)</translation>
    </message>
    <message>
        <location filename="../processing/algorithm.py" line="80"/>
        <source>Unit&apos;s address</source>
        <translation>Adresse de l'unité</translation>
    </message>
    <message>
        <location filename="../processing/algorithm.py" line="80"/>
        <source>Unit's city (Fait à …)</source>
        <translation>Ville de l'unité (Fait à …)</translation>
    </message>
    <message>
        <location filename="../processing/algorithm.py" line="80"/>
        <source>Base map under the map extract (XYZ or WMS URI, or a file)</source>
        <translation>Fond de carte sous l'extrait de carte (URI XYZ ou WMS, ou un fichier)</translation>
    </message>
    <message>
        <location filename="../processing/algorithm.py" line="80"/>
        <source>Base map attribution (printed under the map)</source>
        <translation>Attribution du fond de carte (imprimée sous la carte)</translation>
    </message>
    <message>
        <location filename="../processing/algorithm.py" line="106"/>
        <source>Officer&apos;s certificate (QGIS authentication configuration, PKI PKCS#12)</source>
        <translation>Certificat de l'officier (configuration d'authentification QGIS, PKI PKCS#12)</translation>
    </message>
    <message>
        <location filename="../processing/algorithm.py" line="106"/>
        <source>Smartcard PIN (QGIS authentication configuration, Basic: its password)</source>
        <translation>Code PIN de la carte (configuration d'authentification QGIS, Basic : son mot de passe)</translation>
    </message>
    <message>
        <location filename="../processing/algorithm.py" line="115"/>
        <source>Smartcard PKCS#11 library (path)</source>
        <translation>Bibliothèque PKCS#11 de la carte à puce (chemin)</translation>
    </message>
    <message>
        <location filename="../processing/algorithm.py" line="115"/>
        <source>Smartcard key label</source>
        <translation>Nom de la clé sur la carte</translation>
    </message>
    <message>
        <location filename="../processing/algorithm.py" line="115"/>
        <source>Timestamp server (RFC 3161 URL; empty: no timestamp)</source>
        <translation>Serveur d'horodatage (URL RFC 3161 ; vide : pas d'horodatage)</translation>
    </message>
    <message>
        <location filename="../processing/algorithm.py" line="123"/>
        <source>Smartcard slot (empty: the first holding the key)</source>
        <translation>Lecteur de la carte (vide : le premier qui contient une carte)</translation>
    </message>
</context>
<context>
    <name>CamreqDock</name>
    <message>
        <location filename="../dialogs/dock.py" line="57"/>
        <source>Database: {name}</source>
        <translation>Base : {name}</translation>
    </message>
    <message>
        <location filename="../dialogs/dock.py" line="59"/>
        <source>No database chosen yet: open the settings.</source>
        <translation>Aucune base choisie : ouvrez les paramètres.</translation>
    </message>
    <message>
        <location filename="../dialogs/dock.ui" line="6"/>
        <source>CamReq</source>
        <translation>CamReq</translation>
    </message>
    <message>
        <location filename="../dialogs/dock.ui" line="35"/>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
</context>
<context>
    <name>CamreqLocatorFilter</name>
    <message>
        <location filename="../dialogs/locator.py" line="47"/>
        <source>CamReq: addresses, cameras, requisitions</source>
        <translation>CamReq : adresses, caméras, réquisitions</translation>
    </message>
    <message>
        <location filename="../dialogs/locator.py" line="67"/>
        <source>Requisitions</source>
        <translation>Réquisitions</translation>
    </message>
    <message>
        <location filename="../dialogs/locator.py" line="67"/>
        <source>Cameras</source>
        <translation>Caméras</translation>
    </message>
    <message>
        <location filename="../dialogs/locator.py" line="67"/>
        <source>Addresses</source>
        <translation>Adresses</translation>
    </message>
</context>
<context>
    <name>CheckRegistry</name>
    <message>
        <location filename="../processing/check_registry.py" line="85"/>
        <source>Territory (polygons)</source>
        <translation>Territoire (polygones)</translation>
    </message>
    <message>
        <location filename="../processing/check_registry.py" line="93"/>
        <source>Registry findings</source>
        <translation>Anomalies du registre</translation>
    </message>
    <message>
        <location filename="../processing/check_registry.py" line="98"/>
        <source>Findings</source>
        <translation>Anomalies</translation>
    </message>
    <message>
        <location filename="../processing/check_registry.py" line="99"/>
        <source>High-severity findings</source>
        <translation>Anomalies graves</translation>
    </message>
    <message>
        <location filename="../processing/check_registry.py" line="127"/>
        <source>{n} findings, {high} of high severity.</source>
        <translation>{n} anomalies, dont {high} graves.</translation>
    </message>
    <message>
        <location filename="../processing/check_registry.py" line="139"/>
        <source>TERRITORY: its CRS {crs} cannot be converted to latitude and longitude.</source>
        <translation>TERRITORY : son SCR {crs} ne peut pas être converti en latitude et longitude.</translation>
    </message>
    <message>
        <location filename="../processing/check_registry.py" line="147"/>
        <source>TERRITORY: the layer has no polygon.</source>
        <translation>TERRITORY : la couche n'a aucun polygone.</translation>
    </message>
</context>
<context>
    <name>CoreTask</name>
    <message>
        <location filename="../dialogs/tasks.py" line="115"/>
        <source>{task} failed unexpectedly; the details are in the CamReq tab of the log panel.</source>
        <translation>{task} a échoué de façon inattendue ; le détail est dans l'onglet CamReq du journal des messages.</translation>
    </message>
    <message>
        <location filename="../dialogs/tasks.py" line="126"/>
        <source>{task} was cancelled.</source>
        <translation>{task} a été annulée.</translation>
    </message>
    <message>
        <location filename="../dialogs/tasks.py" line="66"/>
        <source>{label}: {message}</source>
        <translation>{label} : {message}</translation>
    </message>
    <message>
        <location filename="../dialogs/tasks.py" line="78"/>
        <source>{problem} Fix it in the CamReq settings.</source>
        <translation>{problem} Corrigez-le dans les paramètres CamReq.</translation>
    </message>
</context>
<context>
    <name>CreateRequisitions</name>
    <message>
        <location filename="../processing/create_requisitions.py" line="70"/>
        <source>WeasyPrint is not installed or its libraries are missing: pip install weasyprint.</source>
        <translation>WeasyPrint n'est pas installé ou ses bibliothèques manquent : pip install weasyprint.</translation>
    </message>
    <message>
        <location filename="../processing/create_requisitions.py" line="76"/>
        <source>Cameras (result of camreq:camerasnearincident)</source>
        <translation>Caméras (résultat de camreq:camerasnearincident)</translation>
    </message>
    <message>
        <location filename="../processing/create_requisitions.py" line="82"/>
        <source>Case number (procédure)</source>
        <translation>Numéro de procédure</translation>
    </message>
    <message>
        <location filename="../processing/create_requisitions.py" line="83"/>
        <source>Investigation</source>
        <translation>Cadre d'enquête</translation>
    </message>
    <message>
        <location filename="../processing/create_requisitions.py" line="91"/>
        <source>Prosecutor&apos;s authorisation or commission rogatoire (preliminary, judicial)</source>
        <translation>Autorisation du procureur ou commission rogatoire (préliminaire, instruction)</translation>
    </message>
    <message>
        <location filename="../processing/create_requisitions.py" line="99"/>
        <source>Officer: {field}</source>
        <translation>Officier : {field}</translation>
    </message>
    <message>
        <location filename="../processing/create_requisitions.py" line="107"/>
        <source>Answer deadline (empty: 48 h, or the purge deadline if sooner)</source>
        <translation>Date limite de réponse (vide : 48 h, ou la date d'effacement si elle est plus proche)</translation>
    </message>
    <message>
        <location filename="../processing/create_requisitions.py" line="113"/>
        <source>Delivery format and means</source>
        <translation>Format et mode de remise</translation>
    </message>
    <message>
        <location filename="../processing/create_requisitions.py" line="118"/>
        <source>Issue now (else keep drafts)</source>
        <translation>Émettre maintenant (sinon garder des brouillons)</translation>
    </message>
    <message>
        <location filename="../processing/create_requisitions.py" line="124"/>
        <source>Folder for the PDFs</source>
        <translation>Dossier des PDF</translation>
    </message>
    <message>
        <location filename="../processing/create_requisitions.py" line="125"/>
        <source>Requisitions made</source>
        <translation>Réquisitions établies</translation>
    </message>
    <message>
        <location filename="../processing/create_requisitions.py" line="164"/>
        <source>{n}: {owner}, {c} camera window(s), {status}, PDF {path}</source>
        <translation>{n} : {owner}, {c} créneau(x) de caméra, {status}, PDF {path}</translation>
    </message>
    <message>
        <location filename="../processing/create_requisitions.py" line="119"/>
        <source>Repeat: ask again for windows an open requisition of the case covers</source>
        <translation>Répéter : redemander les créneaux déjà couverts par une réquisition ouverte de la procédure</translation>
    </message>
    <message>
        <location filename="../processing/create_requisitions.py" line="130"/>
        <source>Camera windows left out (already requested)</source>
        <translation>Créneaux de caméras écartés (déjà demandés)</translation>
    </message>
    <message>
        <location filename="../processing/create_requisitions.py" line="158"/>
        <source>Nothing left to request: no requisition was made.</source>
        <translation>Plus rien à demander : aucune réquisition n'a été faite.</translation>
    </message>
</context>
<context>
    <name>DueRequisitions</name>
    <message>
        <location filename="../processing/due_requisitions.py" line="48"/>
        <source>Due soon</source>
        <translation>Urgentes</translation>
    </message>
    <message>
        <location filename="../processing/due_requisitions.py" line="51"/>
        <source>Requisitions due soon</source>
        <translation>Réquisitions urgentes</translation>
    </message>
    <message>
        <location filename="../processing/due_requisitions.py" line="69"/>
        <source>{n} ({owner}, {status}): footage purged {when}</source>
        <translation>{n} ({owner}, {status}) : images effacées {when}</translation>
    </message>
</context>
<context>
    <name>FetchFootage</name>
    <message>
        <location filename="../processing/fetch_footage.py" line="39"/>
        <source>Requisition number</source>
        <translation>Numéro de réquisition</translation>
    </message>
    <message>
        <location filename="../processing/fetch_footage.py" line="40"/>
        <source>Folder for the footage</source>
        <translation>Dossier des images</translation>
    </message>
    <message>
        <location filename="../processing/fetch_footage.py" line="41"/>
        <source>Files fetched</source>
        <translation>Fichiers récupérés</translation>
    </message>
    <message>
        <location filename="../processing/fetch_footage.py" line="42"/>
        <source>Reception report (PDF)</source>
        <translation>Procès-verbal de réception (PDF)</translation>
    </message>
    <message>
        <location filename="../processing/fetch_footage.py" line="53"/>
        <source>{name}: SHA-256 {sha} checked</source>
        <translation>{name} : SHA-256 {sha} vérifié</translation>
    </message>
</context>
<context>
    <name>FollowupTab</name>
    <message>
        <location filename="../dialogs/followup_tab.py" line="55"/>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="60"/>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="60"/>
        <source>draft {id}</source>
        <translation>brouillon {id}</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="60"/>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="91"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="60"/>
        <source>Purge</source>
        <translation>Effacement</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="60"/>
        <source>Answer by</source>
        <translation>Réponse avant le</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="91"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="91"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.ui" line="80"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="146"/>
        <source>No database chosen yet: open the CamReq settings.</source>
        <translation>Aucune base choisie : ouvrez les paramètres CamReq.</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="156"/>
        <source>CamReq follow-up</source>
        <translation>Suivi CamReq</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="181"/>
        <source>CamReq history</source>
        <translation>Historique CamReq</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="244"/>
        <source>The PDF cannot be opened: {path}</source>
        <translation>Impossible d'ouvrir le PDF : {path}</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="256"/>
        <source>CamReq sending</source>
        <translation>Envoi CamReq</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="265"/>
        <source>Sent {s}, failed {f}, still waiting {p}.</source>
        <translation>Envoyées {s}, en échec {f}, encore en attente {p}.</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="284"/>
        <source>CamReq answer</source>
        <translation>Réponse CamReq</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="293"/>
        <source>Requisition {n} recorded.</source>
        <translation>Réquisition {n} enregistrée.</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.ui" line="6"/>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.ui" line="17"/>
        <source>Case number</source>
        <translation>N° de procédure</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.ui" line="24"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.ui" line="45"/>
        <source>Open the PDF</source>
        <translation>Ouvrir le PDF</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.ui" line="52"/>
        <source>Send again</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.ui" line="71"/>
        <source>Record an answer</source>
        <translation>Enregistrer une réponse</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.ui" line="87"/>
        <source>Record</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="236"/>
        <source>CamReq PDF</source>
        <translation>PDF CamReq</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="60"/>
        <source>Case {case}</source>
        <translation>Procédure {case}</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="100"/>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="100"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="100"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="100"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="185"/>
        <source>CamReq deposits</source>
        <translation>Dépôts CamReq</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="194"/>
        <source>{status}; portal link first opened {when}</source>
        <translation>{status} ; lien du portail ouvert pour la première fois le {when}</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="198"/>
        <source>{status}; the owner has not opened the portal link yet</source>
        <translation>{status} ; le propriétaire n'a pas encore ouvert le lien du portail</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="211"/>
        <source>Folder for the footage</source>
        <translation>Dossier des images</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="214"/>
        <source>CamReq footage</source>
        <translation>Images CamReq</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="223"/>
        <source>{n} files fetched, SHA-256 checked; reception report: {report}</source>
        <translation>{n} fichiers récupérés, SHA-256 vérifiés ; procès-verbal de réception : {report}</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.ui" line="59"/>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.ui" line="62"/>
        <source>Fetch the footage the owner deposited on the portal, SHA-256 checked, with a reception report</source>
        <translation>Récupérer les images déposées par le propriétaire sur le portail, SHA-256 vérifiés, avec un procès-verbal de réception</translation>
    </message>
</context>
<context>
    <name>GeocodeIncidents</name>
    <message>
        <location filename="../processing/geocode_incidents.py" line="56"/>
        <source>Incidents (any table with an address field)</source>
        <translation>Faits (toute table avec un champ d'adresse)</translation>
    </message>
    <message>
        <location filename="../processing/geocode_incidents.py" line="61"/>
        <source>Address field</source>
        <translation>Champ d'adresse</translation>
    </message>
    <message>
        <location filename="../processing/geocode_incidents.py" line="61"/>
        <source>City field</source>
        <translation>Champ de commune</translation>
    </message>
    <message>
        <location filename="../processing/geocode_incidents.py" line="61"/>
        <source>Postcode field</source>
        <translation>Champ de code postal</translation>
    </message>
    <message>
        <location filename="../processing/geocode_incidents.py" line="68"/>
        <source>Lowest score accepted (0 to 1)</source>
        <translation>Score le plus bas accepté (0 à 1)</translation>
    </message>
    <message>
        <location filename="../processing/geocode_incidents.py" line="78"/>
        <source>Geocoded incidents</source>
        <translation>Faits géocodés</translation>
    </message>
    <message>
        <location filename="../processing/geocode_incidents.py" line="83"/>
        <source>Rows left out (no address good enough)</source>
        <translation>Lignes écartées (aucune adresse assez proche)</translation>
    </message>
    <message>
        <location filename="../processing/geocode_incidents.py" line="107"/>
        <source>no address matches</source>
        <translation>aucune adresse ne correspond</translation>
    </message>
    <message>
        <location filename="../processing/geocode_incidents.py" line="107"/>
        <source>best answer {label} scores {score:.2f}, under {min:.2f}</source>
        <translation>la meilleure réponse {label} obtient {score:.2f}, sous {min:.2f}</translation>
    </message>
    <message>
        <location filename="../processing/geocode_incidents.py" line="114"/>
        <source>Row {id} ({text}) left out: {reason}</source>
        <translation>Ligne {id} ({text}) écartée : {reason}</translation>
    </message>
    <message>
        <location filename="../processing/geocode_incidents.py" line="125"/>
        <source>{n} row(s) left out, under the score {min:.2f}.</source>
        <translation>{n} ligne(s) écartée(s), sous le score {min:.2f}.</translation>
    </message>
</context>
<context>
    <name>GrantUser</name>
    <message>
        <location filename="../processing/grant_user.py" line="39"/>
        <source>Database login</source>
        <translation>Identifiant de connexion à la base</translation>
    </message>
    <message>
        <location filename="../processing/grant_user.py" line="40"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../processing/grant_user.py" line="49"/>
        <source>Unit (needed for investigators)</source>
        <translation>Unité (obligatoire pour les enquêteurs)</translation>
    </message>
    <message>
        <location filename="../processing/grant_user.py" line="63"/>
        <source>{login} is now {role} ({unit}).</source>
        <translation>{login} est désormais {role} ({unit}).</translation>
    </message>
</context>
<context>
    <name>ImportAddresses</name>
    <message>
        <location filename="../processing/import_addresses.py" line="53"/>
        <source>BAN addresses (a BAN CSV file, plain or .gz, or a table)</source>
        <translation>Adresses BAN (un fichier CSV de la BAN, simple ou .gz, ou une table)</translation>
    </message>
    <message>
        <location filename="../processing/import_addresses.py" line="60"/>
        <source>Rejected rows (with a reason)</source>
        <translation>Lignes rejetées (avec un motif)</translation>
    </message>
    <message>
        <location filename="../processing/import_addresses.py" line="69"/>
        <source>Addresses imported</source>
        <translation>Adresses importées</translation>
    </message>
    <message>
        <location filename="../processing/import_addresses.py" line="69"/>
        <source>Addresses updated</source>
        <translation>Adresses mises à jour</translation>
    </message>
    <message>
        <location filename="../processing/import_addresses.py" line="69"/>
        <source>Addresses removed</source>
        <translation>Adresses supprimées</translation>
    </message>
    <message>
        <location filename="../processing/import_addresses.py" line="69"/>
        <source>Rows rejected</source>
        <translation>Lignes refusées</translation>
    </message>
    <message>
        <location filename="../processing/import_addresses.py" line="97"/>
        <source>Row {row} rejected: {reason}</source>
        <translation>Ligne {row} rejetée : {reason}</translation>
    </message>
    <message>
        <location filename="../processing/import_addresses.py" line="115"/>
        <source>Addresses of {c} commune(s): {i} imported, {u} updated, {d} removed, {r} rejected.</source>
        <translation>Adresses de {c} commune(s) : {i} importées, {u} mises à jour, {d} supprimées, {r} rejetées.</translation>
    </message>
</context>
<context>
    <name>ImportCameras</name>
    <message>
        <location filename="../processing/import_cameras.py" line="71"/>
        <source>Owner of rows that name none</source>
        <translation>Propriétaire des lignes qui n'en indiquent pas</translation>
    </message>
    <message>
        <location filename="../processing/import_cameras.py" line="76"/>
        <source>Retention (days) of new cameras that give none</source>
        <translation>Conservation (jours) des nouvelles caméras qui n'en indiquent pas</translation>
    </message>
    <message>
        <location filename="../processing/import_cameras.py" line="87"/>
        <source>Owners created</source>
        <translation>Propriétaires créés</translation>
    </message>
    <message>
        <location filename="../processing/import_cameras.py" line="105"/>
        <source>Cameras</source>
        <translation>Caméras</translation>
    </message>
    <message>
        <location filename="../processing/import_cameras.py" line="59"/>
        <source>Cameras (point layer, or Overpass JSON file)</source>
        <translation>Caméras (couche de points, ou fichier JSON Overpass)</translation>
    </message>
    <message>
        <location filename="../processing/import_cameras.py" line="66"/>
        <source>CRS of the input points (empty: the layer&apos;s)</source>
        <translation>SCR des points en entrée (vide : celui de la couche)</translation>
    </message>
</context>
<context>
    <name>ImportOwners</name>
    <message>
        <location filename="../processing/import_owners.py" line="48"/>
        <source>Owners (table or layer)</source>
        <translation>Propriétaires (table ou couche)</translation>
    </message>
    <message>
        <location filename="../processing/import_owners.py" line="66"/>
        <source>Owners</source>
        <translation>Propriétaires</translation>
    </message>
</context>
<context>
    <name>InstallDatabase</name>
    <message>
        <location filename="../processing/install_database.py" line="36"/>
        <source>Storage CRS (first install only)</source>
        <translation>SCR de stockage (première installation seulement)</translation>
    </message>
    <message>
        <location filename="../processing/install_database.py" line="39"/>
        <source>Schema version</source>
        <translation>Version du schéma</translation>
    </message>
    <message>
        <location filename="../processing/install_database.py" line="48"/>
        <source>The database is current (schema version {v}).</source>
        <translation>La base est à jour (version {v} du schéma).</translation>
    </message>
    <message>
        <location filename="../processing/install_database.py" line="50"/>
        <source>Installed CamReq schema version {v}, geometries in EPSG:{srid}.</source>
        <translation>Schéma CamReq version {v} installé, géométries en EPSG:{srid}.</translation>
    </message>
    <message>
        <location filename="../processing/install_database.py" line="56"/>
        <source>Upgraded the schema from version {a} to {b}.</source>
        <translation>Schéma mis à jour de la version {a} à la version {b}.</translation>
    </message>
</context>
<context>
    <name>LoadSampleData</name>
    <message>
        <location filename="../processing/load_sample_data.py" line="36"/>
        <source>Sample owners loaded</source>
        <translation>Propriétaires d'exemple chargés</translation>
    </message>
    <message>
        <location filename="../processing/load_sample_data.py" line="36"/>
        <source>Sample cameras loaded</source>
        <translation>Caméras d'exemple chargées</translation>
    </message>
    <message>
        <location filename="../processing/load_sample_data.py" line="36"/>
        <source>Sample rows rejected</source>
        <translation>Lignes d'exemple refusées</translation>
    </message>
    <message>
        <location filename="../processing/load_sample_data.py" line="52"/>
        <source>Loading SYNTHETIC sample data: invented cameras and owners, not real ones.</source>
        <translation>Chargement de données d'exemple FICTIVES : caméras et propriétaires inventés, et non réels.</translation>
    </message>
    <message>
        <location filename="../processing/load_sample_data.py" line="55"/>
        <source>Sample row {id} rejected: {reason}</source>
        <translation>Ligne d'exemple {id} refusée : {reason}</translation>
    </message>
    <message>
        <location filename="../processing/load_sample_data.py" line="58"/>
        <source>Sample owners (SYNTHETIC)</source>
        <translation>Propriétaires d'exemple (FICTIFS)</translation>
    </message>
    <message>
        <location filename="../processing/load_sample_data.py" line="59"/>
        <source>Sample cameras (SYNTHETIC)</source>
        <translation>Caméras d'exemple (FICTIVES)</translation>
    </message>
    <message>
        <location filename="../processing/load_sample_data.py" line="36"/>
        <source>Sample addresses loaded</source>
        <translation>Adresses d'exemple chargées</translation>
    </message>
    <message>
        <location filename="../processing/load_sample_data.py" line="60"/>
        <source>Sample addresses (SYNTHETIC): {n} in {c} communes.</source>
        <translation>Adresses d'exemple (SYNTHÉTIQUES) : {n} dans {c} communes.</translation>
    </message>
</context>
<context>
    <name>RequisitionsTab</name>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="99"/>
        <source>Tick at least one camera in the New search tab.</source>
        <translation>Cochez au moins une caméra dans l'onglet Nouvelle recherche.</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="102"/>
        <source>Give the case number (numéro de procédure).</source>
        <translation>Indiquez le numéro de procédure.</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="104"/>
        <source>No database chosen yet: open the CamReq settings.</source>
        <translation>Aucune base choisie : ouvrez les paramètres CamReq.</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="212"/>
        <source>Making the requisitions and their PDFs, then sending them…</source>
        <translation>Création des réquisitions et de leurs PDF, puis envoi…</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="215"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="216"/>
        <source>CamReq requisitions</source>
        <translation>Réquisitions CamReq</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="233"/>
        <source>{n} requisition(s) not sent: they are issued and wait in the outbox; send them again from the Follow-up tab once the problem is solved.</source>
        <translation>{n} réquisition(s) non envoyée(s) : émises, elles attendent dans la file d'envoi ; renvoyez-les depuis l'onglet Suivi une fois le problème réglé.</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="240"/>
        <source>{sent} of {total} requisitions sent.</source>
        <translation>{sent} réquisitions envoyées sur {total}.</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="250"/>
        <source>{n} sent to {owner} &lt;{email}&gt;</source>
        <translation>{n} envoyée à {owner} &lt;{email}&gt;</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="254"/>
        <source>{n} NOT sent: {owner} has no e-mail address; deliver the PDF by hand ({path})</source>
        <translation>{n} NON envoyée : {owner} n'a pas d'adresse électronique ; remettez le PDF en main propre ({path})</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="257"/>
        <source>{n} NOT sent to {owner} &lt;{email}&gt;: {answer}</source>
        <translation>{n} NON envoyée à {owner} &lt;{email}&gt; : {answer}</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="70"/>
        <source>Not set: fill in the officer in the settings.</source>
        <translation>Non renseigné : indiquez l'enquêteur dans les paramètres.</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="77"/>
        <source>{cameras} cameras ticked, {owners} owners: one requisition per owner.</source>
        <translation>{cameras} caméras cochées, {owners} propriétaires : une réquisition par propriétaire.</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.ui" line="6"/>
        <source>Requisitions</source>
        <translation>Réquisitions</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.ui" line="21"/>
        <source>Case number</source>
        <translation>N° de procédure</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.ui" line="31"/>
        <source>Investigation</source>
        <translation>Cadre d'enquête</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.ui" line="41"/>
        <source>Authorisation ref.</source>
        <translation>Réf. autorisation</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.ui" line="51"/>
        <source>Answer by</source>
        <translation>Réponse avant le</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.ui" line="61"/>
        <source>Delivery</source>
        <translation>Remise</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.ui" line="71"/>
        <source>Officer</source>
        <translation>Requérant</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.ui" line="87"/>
        <source>Create and send the requisitions</source>
        <translation>Créer et envoyer les réquisitions</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="53"/>
        <source>48 h, or the purge if sooner</source>
        <translation>48 h, ou l'effacement s'il est plus proche</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="230"/>
        <source>Nothing left to request: no requisition was made.</source>
        <translation>Plus rien à demander : aucune réquisition n'a été faite.</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="257"/>
        <source>not tried, the sending stopped at the first failure</source>
        <translation>pas tentée, l'envoi s'est arrêté au premier échec</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="144"/>
        <source>Checking what will be requested…</source>
        <translation>Vérification de ce qui sera requis…</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="146"/>
        <source>CamReq requisitions to make</source>
        <translation>CamReq : réquisitions à établir</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="166"/>
        <source>Nothing sent.</source>
        <translation>Rien n'a été envoyé.</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="183"/>
        <source>no e-mail: to serve by hand</source>
        <translation>pas d'e-mail : à remettre en main propre</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="185"/>
        <source>{owner} ({recipient}): {n} camera(s) {refs}; answer by {deadline}</source>
        <translation>{owner} ({recipient}) : {n} caméra(s) {refs} ; réponse avant le {deadline}</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="191"/>
        <source>Left out, already requested: {ref} (requisition {number})</source>
        <translation>Écartée, déjà requise : {ref} (réquisition {number})</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="197"/>
        <source>Send the requisitions?</source>
        <translation>Envoyer les réquisitions ?</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="197"/>
        <source>{n} requisitions to {owners} owners will be issued and sent.</source>
        <translation>{n} réquisitions à {owners} propriétaires vont être établies et envoyées.</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="172"/>
        <source>Smartcard PIN</source>
        <translation>Code PIN de la carte à puce</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="172"/>
        <source>PIN of the card that signs the requisitions:</source>
        <translation>Code PIN de la carte qui signe les réquisitions :</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../dialogs/results_model.py" line="80"/>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="84"/>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="82"/>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="83"/>
        <source>In view</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="81"/>
        <source>Purge in</source>
        <translation>Effacement</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="128"/>
        <source>{metres} m</source>
        <translation>{metres} m</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="132"/>
        <source>purged</source>
        <translation>effacées</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="133"/>
        <source>d</source>
        <translation>j</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="133"/>
        <source>h</source>
        <translation>h</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="133"/>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="146"/>
        <source>Footage purged since {purge}: this recorder keeps {days} days of images. A requisition can no longer obtain it, unless the owner kept a copy.</source>
        <translation>Images effacées depuis le {purge} : cet enregistreur conserve {days} jours d'images. Une réquisition ne peut plus les obtenir, sauf copie conservée par le propriétaire.</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="152"/>
        <source>The camera&apos;s field of view reaches the incident.</source>
        <translation>Le champ de vision de la caméra atteint le lieu des faits.</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="153"/>
        <source>Within the search radius, but its field of view does not reach the incident.</source>
        <translation>Dans le rayon de recherche, mais son champ de vision n'atteint pas le lieu des faits.</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="154"/>
        <source>Footage kept until {purge} ({days} days of retention).</source>
        <translation>Images conservées jusqu'au {purge} ({days} jours de conservation).</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="138"/>
        <source>{owner}, camera {camera}: {contact}</source>
        <translation>{owner}, caméra {camera} : {contact}</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="138"/>
        <source>this owner has no e-mail address, the requisition must be delivered by hand.</source>
        <translation>ce propriétaire n'a pas d'adresse électronique, la réquisition doit être remise autrement.</translation>
    </message>
</context>
<context>
    <name>SearchAlgorithm</name>
    <message>
        <location filename="../processing/search_algorithm.py" line="47"/>
        <source>Incidents (points, routes or areas)</source>
        <translation>Faits (points, trajets ou zones)</translation>
    </message>
    <message>
        <location filename="../processing/search_algorithm.py" line="54"/>
        <source>Incident id field</source>
        <translation>Champ d'identifiant du fait</translation>
    </message>
    <message>
        <location filename="../processing/search_algorithm.py" line="57"/>
        <source>Distance (metres)</source>
        <translation>Distance (mètres)</translation>
    </message>
    <message>
        <location filename="../processing/search_algorithm.py" line="62"/>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../processing/search_algorithm.py" line="63"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../processing/search_algorithm.py" line="69"/>
        <source>Only cameras that see the incident</source>
        <translation>Seulement les caméras qui voient les faits</translation>
    </message>
    <message>
        <location filename="../processing/search_algorithm.py" line="72"/>
        <source>Include out-of-service and removed cameras</source>
        <translation>Inclure les caméras hors service et déposées</translation>
    </message>
    <message>
        <location filename="../processing/search_algorithm.py" line="77"/>
        <source>Speed along routes (km/h)</source>
        <translation>Vitesse le long des trajets (km/h)</translation>
    </message>
    <message>
        <location filename="../processing/search_algorithm.py" line="85"/>
        <source>Route margin on each side (minutes)</source>
        <translation>Marge de part et d'autre du passage (minutes)</translation>
    </message>
    <message>
        <location filename="../processing/search_algorithm.py" line="93"/>
        <source>Reason (case number, for the consultation log)</source>
        <translation>Motif (numéro de procédure, pour le journal des consultations)</translation>
    </message>
    <message>
        <location filename="../processing/search_algorithm.py" line="96"/>
        <source>Consultation log id</source>
        <translation>Identifiant au journal des consultations</translation>
    </message>
    <message>
        <location filename="../processing/search_algorithm.py" line="97"/>
        <source>Cameras found (one per incident and camera)</source>
        <translation>Caméras trouvées (une par fait et par caméra)</translation>
    </message>
    <message>
        <location filename="../processing/search_algorithm.py" line="124"/>
        <source>Reading {n} incidents</source>
        <translation>Lecture de {n} fait(s)</translation>
    </message>
    <message>
        <location filename="../processing/search_algorithm.py" line="134"/>
        <source>The search was cancelled before it ran; nothing was logged.</source>
        <translation>La recherche a été annulée avant de s'exécuter ; rien n'a été journalisé.</translation>
    </message>
    <message>
        <location filename="../processing/search_algorithm.py" line="137"/>
        <source>Search {id}: {n} cameras for {k} incidents (logged)</source>
        <translation>Recherche {id} : {n} caméra(s) pour {k} fait(s) (journalisée)</translation>
    </message>
</context>
<context>
    <name>SearchTab</name>
    <message>
        <location filename="../dialogs/search_tab.py" line="124"/>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="124"/>
        <source>WGS84 lat lon</source>
        <translation>WGS84 lat lon</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="124"/>
        <source>Lambert-93 X Y</source>
        <translation>Lambert-93 X Y</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="130"/>
        <source>Speed along the route: each camera gets the window centred on when the route passes it, ± {margin:g} minutes. Leave at 0 for one window covering the whole route.</source>
        <translation>Vitesse le long du trajet : chaque caméra reçoit le créneau centré sur l'heure de passage du trajet devant elle, ± {margin:g} minutes. Laisser à 0 pour un seul créneau couvrant tout le trajet.</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.ui" line="18"/>
        <source>Click on the map</source>
        <translation>Cliquer sur la carte</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.ui" line="31"/>
        <source>Draw a route</source>
        <translation>Tracer un trajet</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="233"/>
        <source>Route of {count} points, starting {lat:.5f} {lon:.5f}</source>
        <translation>Trajet de {count} points, départ {lat:.5f} {lon:.5f}</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="237"/>
        <source>Incident at {lat:.5f} {lon:.5f}</source>
        <translation>Faits à {lat:.5f} {lon:.5f}</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="359"/>
        <source>The end of the incident is before its start: check the times.</source>
        <translation>La fin des faits précède leur début : vérifiez les heures.</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="362"/>
        <source>Give a reason for the search (case or facts): it is written to the log.</source>
        <translation>Indiquez le motif de la recherche (affaire ou faits) : il est inscrit au registre des consultations.</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="364"/>
        <source>No database chosen yet: open the CamReq settings.</source>
        <translation>Aucune base choisie : ouvrez les paramètres CamReq.</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="385"/>
        <source>Searching…</source>
        <translation>Recherche en cours…</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="386"/>
        <source>CamReq camera search</source>
        <translation>Recherche de caméras CamReq</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="415"/>
        <source>{cameras} cameras of {owners} owners; footage still available for {available}.</source>
        <translation>{cameras} caméras de {owners} propriétaires ; images encore disponibles pour {available}.</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="415"/>
        <source>No camera within {radius} m.</source>
        <translation>Aucune caméra à moins de {radius} m.</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.ui" line="6"/>
        <source>New search</source>
        <translation>Nouvelle recherche</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.ui" line="12"/>
        <source>Incident</source>
        <translation>Faits</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.ui" line="40"/>
        <source>Left clicks add points to the route, a right click finishes it.</source>
        <translation>Clic gauche : ajouter un point au trajet ; clic droit : terminer.</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.ui" line="60"/>
        <source>Place</source>
        <translation>Placer</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.ui" line="79"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.ui" line="89"/>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.ui" line="99"/>
        <source>Radius</source>
        <translation>Rayon</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.ui" line="154"/>
        <source>Speed (km/h)</source>
        <translation>Vitesse (km/h)</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.ui" line="164"/>
        <source>One window for the whole route</source>
        <translation>Un seul créneau pour tout le trajet</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.ui" line="184"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.ui" line="191"/>
        <source>Case or facts, written to the consultation log</source>
        <translation>Affaire ou faits, inscrits au registre des consultations</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.ui" line="200"/>
        <source>Find the cameras</source>
        <translation>Trouver les caméras</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="422"/>
        <source>{n} cameras out of service nearby: &lt;a href=&quot;show&quot;&gt;show them&lt;/a&gt;</source>
        <translation>{n} caméras hors service à proximité : &lt;a href=&quot;show&quot;&gt;les afficher&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="443"/>
        <source>The incident, its window, the radius or an option changed: search again.</source>
        <translation>Le fait, son créneau, le rayon ou une option a changé : relancez la recherche.</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.ui" line="177"/>
        <source>Include cameras out of service</source>
        <translation>Inclure les caméras hors service</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.ui" line="235"/>
        <source>Tick only those in view</source>
        <translation>Cocher seulement celles qui voient le lieu</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.ui" line="238"/>
        <source>Tick only the cameras whose field of view covers the incident and whose footage is still kept.</source>
        <translation>Cocher seulement les caméras dont le champ couvre le fait et dont les images sont encore conservées.</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.ui" line="245"/>
        <source>Untick all</source>
        <translation>Tout décocher</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="212"/>
        <source>Click on the map, draw a route or type an address or coordinates.</source>
        <translation>Cliquez sur la carte, tracez un trajet ou saisissez une adresse ou des coordonnées.</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="266"/>
        <source>CamReq address suggestions</source>
        <translation>Suggestions d’adresses CamReq</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="282"/>
        <source>No address matches “{text}”.</source>
        <translation>Aucune adresse ne correspond à « {text} ».</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="290"/>
        <source>Incident at {address}</source>
        <translation>Faits : {address}</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="354"/>
        <source>Choose the incident first: click on the map, draw a route or type an address or coordinates.</source>
        <translation>Choisissez d'abord le lieu des faits : cliquez sur la carte, tracez un trajet ou saisissez une adresse ou des coordonnées.</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.ui" line="47"/>
        <source>Address or coordinates</source>
        <translation>Adresse ou coordonnées</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.ui" line="50"/>
        <source>An address (choose it in the list that opens as you type), or latitude and longitude (WGS84), or Lambert-93 X and Y, then Enter.</source>
        <translation>Une adresse (choisissez-la dans la liste qui s’ouvre pendant la saisie), ou latitude et longitude (WGS84), ou X et Y Lambert-93, puis Entrée.</translation>
    </message>
</context>
<context>
    <name>SelectCamerasNearIncident</name>
    <message>
        <location filename="../processing/select_cameras_near_incident.py" line="49"/>
        <source>Camera layer (camreq.cameras)</source>
        <translation>Couche des caméras (camreq.cameras)</translation>
    </message>
    <message>
        <location filename="../processing/select_cameras_near_incident.py" line="54"/>
        <source>Modify current selection by</source>
        <translation>Modifier la sélection courante en</translation>
    </message>
    <message>
        <location filename="../processing/select_cameras_near_incident.py" line="60"/>
        <source>Cameras (selected)</source>
        <translation>Caméras (sélectionnées)</translation>
    </message>
    <message>
        <location filename="../processing/select_cameras_near_incident.py" line="81"/>
        <source>Selected {n} cameras on {layer}</source>
        <translation>{n} caméra(s) sélectionnée(s) sur {layer}</translation>
    </message>
</context>
<context>
    <name>SendRequisitions</name>
    <message>
        <location filename="../processing/send_requisitions.py" line="47"/>
        <source>SMTP server</source>
        <translation>Serveur SMTP</translation>
    </message>
    <message>
        <location filename="../processing/send_requisitions.py" line="48"/>
        <source>SMTP port</source>
        <translation>Port SMTP</translation>
    </message>
    <message>
        <location filename="../processing/send_requisitions.py" line="54"/>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <location filename="../processing/send_requisitions.py" line="59"/>
        <source>Credentials (QGIS authentication configuration)</source>
        <translation>Identifiants (configuration d'authentification QGIS)</translation>
    </message>
    <message>
        <location filename="../processing/send_requisitions.py" line="65"/>
        <source>Sender address</source>
        <translation>Adresse d'expédition</translation>
    </message>
    <message>
        <location filename="../processing/send_requisitions.py" line="72"/>
        <source>Waiting: owner has no e-mail</source>
        <translation>En attente : propriétaire sans courriel</translation>
    </message>
    <message>
        <location filename="../processing/send_requisitions.py" line="98"/>
        <source>Sent {s}, failed {f}, still pending {p}, owners without e-mail {e}.</source>
        <translation>Envoyées {s}, en échec {f}, encore en attente {p}, propriétaires sans courriel {e}.</translation>
    </message>
    <message>
        <location filename="../processing/send_requisitions.py" line="87"/>
        <source>{n}: {owner} had no e-mail when it was issued: deliver it another way.</source>
        <translation>{n} : {owner} n'avait pas d'adresse électronique lors de l'émission : remettez-la autrement.</translation>
    </message>
    <message>
        <location filename="../processing/send_requisitions.py" line="93"/>
        <source>{n}: a previous run stopped while sending, or the server&apos;s answer was lost; check with the owner or the mail server&apos;s log (it is never re-sent automatically; Send again queues it).</source>
        <translation>{n} : un envoi précédent s'est arrêté en cours, ou la réponse du serveur a été perdue ; vérifiez auprès du propriétaire ou dans le journal du serveur de messagerie (le message n'est jamais renvoyé automatiquement ; « Renvoyer » le remet en file).</translation>
    </message>
</context>
<context>
    <name>SetRequisitionStatus</name>
    <message>
        <location filename="../processing/set_requisition_status.py" line="47"/>
        <source>Requisition number (or draft id)</source>
        <translation>Numéro de la réquisition (ou identifiant du brouillon)</translation>
    </message>
    <message>
        <location filename="../processing/set_requisition_status.py" line="48"/>
        <source>New status</source>
        <translation>Nouveau statut</translation>
    </message>
    <message>
        <location filename="../processing/set_requisition_status.py" line="51"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../processing/set_requisition_status.py" line="63"/>
        <source>Requisition number</source>
        <translation>Numéro de la réquisition</translation>
    </message>
    <message>
        <location filename="../processing/set_requisition_status.py" line="64"/>
        <source>Previous status</source>
        <translation>Statut précédent</translation>
    </message>
    <message>
        <location filename="../processing/set_requisition_status.py" line="65"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../processing/set_requisition_status.py" line="86"/>
        <source>{n}: {a} → {b}</source>
        <translation>{n} : {a} → {b}</translation>
    </message>
    <message>
        <location filename="../processing/set_requisition_status.py" line="82"/>
        <source>Issued {n}; its PDF is kept in the database</source>
        <translation>{n} émise ; son PDF est conservé dans la base de données</translation>
    </message>
    <message>
        <location filename="../processing/set_requisition_status.py" line="52"/>
        <source>Why there is no footage (STATUS=no_footage)</source>
        <translation>Pourquoi il n'y a pas d'images (STATUS=no_footage)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="6"/>
        <source>CamReq settings</source>
        <translation>Paramètres CamReq</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="22"/>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="28"/>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="38"/>
        <source>A QGIS PostgreSQL connection (Data Source Manager), or a connection string such as service=camreq</source>
        <translation>Une connexion PostgreSQL de QGIS (gestionnaire des sources de données), ou une chaîne de connexion comme service=camreq</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="48"/>
        <source>Requesting officer</source>
        <translation>Officier requérant</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="54"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="68"/>
        <source>Rank</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="82"/>
        <source>Unit</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="96"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="106"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="116"/>
        <source>Unit address</source>
        <translation>Adresse du service</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="126"/>
        <source>Unit city</source>
        <translation>Ville du service</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="139"/>
        <source>Outgoing mail (SMTP)</source>
        <translation>Courrier sortant (SMTP)</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="145"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="159"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="176"/>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="186"/>
        <source>Credentials</source>
        <translation>Identifiants</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="196"/>
        <source>Sender address</source>
        <translation>Adresse d'expédition</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="301"/>
        <source>Search and display</source>
        <translation>Recherche et affichage</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="307"/>
        <source>Default radius</source>
        <translation>Rayon par défaut</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="327"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="334"/>
        <source>Investigator: the CamReq panel only. Analyst: also the registry and database tools.</source>
        <translation>Enquêteur : le panneau CamReq seul. Analyste : aussi les outils du registre et de la base.</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="341"/>
        <source>Base map</source>
        <translation>Fond de carte</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="348"/>
        <source>Any layer source QGIS opens, shown under the cameras and in the requisition maps: an XYZ or WMS URI (type=xyz&amp;url=…) or the path of a GeoPackage, MBTiles or vector file.</source>
        <translation>Toute source de couche que QGIS ouvre, affichée sous les caméras et sur les cartes des réquisitions : une URI XYZ ou WMS (type=xyz&amp;url=…) ou le chemin d'un fichier GeoPackage, MBTiles ou vecteur.</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="355"/>
        <source>Base map attribution</source>
        <translation>Source du fond de carte</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="362"/>
        <source>e.g. © OpenStreetMap contributors</source>
        <translation>ex. © les contributeurs d'OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="209"/>
        <source>Electronic signature</source>
        <translation>Signature électronique</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="215"/>
        <source>Certificate (PKCS#12)</source>
        <translation>Certificat (PKCS#12)</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="222"/>
        <source>A PKI PKCS#12 configuration of the QGIS authentication database holding the officer&apos;s certificate; leave empty to sign with a smartcard.</source>
        <translation>Une configuration PKI PKCS#12 de la base d'authentification de QGIS contenant le certificat de l'officier ; laissez vide pour signer avec une carte à puce.</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="229"/>
        <source>Smartcard library</source>
        <translation>Bibliothèque de la carte à puce</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="236"/>
        <source>e.g. /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so</source>
        <translation>p. ex. /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="243"/>
        <source>Smartcard slot</source>
        <translation>Lecteur de la carte</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="250"/>
        <source>First card found</source>
        <translation>Première carte trouvée</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="260"/>
        <source>Smartcard key label</source>
        <translation>Nom de la clé sur la carte</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="270"/>
        <source>Smartcard PIN</source>
        <translation>Code PIN de la carte à puce</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="277"/>
        <source>A Basic configuration whose password is the PIN; leave empty to type the PIN each time requisitions are issued.</source>
        <translation>Une configuration Basic dont le mot de passe est le code PIN ; laissez vide pour saisir le code PIN à chaque émission de réquisitions.</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="284"/>
        <source>Timestamp server</source>
        <translation>Serveur d'horodatage</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="291"/>
        <source>RFC 3161 URL (optional)</source>
        <translation>URL RFC 3161 (facultatif)</translation>
    </message>
</context>
<context>
    <name>Statistics</name>
    <message>
        <location filename="../processing/statistics.py" line="45"/>
        <source>WeasyPrint is missing: pip install weasyprint</source>
        <translation>WeasyPrint est absent : pip install weasyprint</translation>
    </message>
    <message>
        <location filename="../processing/statistics.py" line="50"/>
        <source>From (day)</source>
        <translation>Du (jour)</translation>
    </message>
    <message>
        <location filename="../processing/statistics.py" line="50"/>
        <source>To (day, included)</source>
        <translation>Au (jour, inclus)</translation>
    </message>
    <message>
        <location filename="../processing/statistics.py" line="52"/>
        <source>Unit (administrators only)</source>
        <translation>Unité (administrateurs seulement)</translation>
    </message>
    <message>
        <location filename="../processing/statistics.py" line="53"/>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location filename="../processing/statistics.py" line="54"/>
        <source>Report (PDF)</source>
        <translation>Rapport (PDF)</translation>
    </message>
    <message>
        <location filename="../processing/statistics.py" line="55"/>
        <source>Report (HTML)</source>
        <translation>Rapport (HTML)</translation>
    </message>
    <message>
        <location filename="../processing/statistics.py" line="56"/>
        <source>Requisitions of the period (empty: fewer than 5)</source>
        <translation>Réquisitions de la période (vide : moins de 5)</translation>
    </message>
    <message>
        <location filename="../processing/statistics.py" line="72"/>
        <source>Report written to {path}</source>
        <translation>Rapport écrit dans {path}</translation>
    </message>
</context>
<context>
    <name>VerifyRequisition</name>
    <message>
        <location filename="../processing/verify_requisition.py" line="42"/>
        <source>Requisition PDF</source>
        <translation>PDF de la réquisition</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="43"/>
        <source>Database to compare with (optional: QGIS PostgreSQL connection or connection string)</source>
        <translation>Base de données à comparer (facultatif : connexion PostgreSQL de QGIS ou chaîne de connexion)</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="51"/>
        <source>Trusted root certificates (PEM bundle)</source>
        <translation>Certificats racines de confiance (fichier PEM)</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="56"/>
        <source>Valid: intact, trusted and (with CONNECTION) the recorded file</source>
        <translation>Valide : intacte, de confiance et (avec CONNECTION) le fichier enregistré</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="56"/>
        <source>Signature intact</source>
        <translation>Signature intacte</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="56"/>
        <source>Signer trusted</source>
        <translation>Signataire de confiance</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="56"/>
        <source>Signing time certified by a timestamp server</source>
        <translation>Heure de signature certifiée par un serveur d'horodatage</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="63"/>
        <source>Signer</source>
        <translation>Signataire</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="63"/>
        <source>Signing time (Paris)</source>
        <translation>Heure de signature (Paris)</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="63"/>
        <source>Requisition number</source>
        <translation>Numéro de la réquisition</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="63"/>
        <source>Recorded by CamReq (yes, no, not checked)</source>
        <translation>Enregistré par CamReq (oui, non, non vérifié)</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="63"/>
        <source>SHA-256 of the file</source>
        <translation>SHA-256 du fichier</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="63"/>
        <source>Problems found</source>
        <translation>Problèmes trouvés</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="81"/>
        <source>{path} cannot be read: {reason}</source>
        <translation>{path} ne peut pas être lu : {reason}</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="87"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="87"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="87"/>
        <source>not checked</source>
        <translation>non vérifié</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="88"/>
        <source>SHA-256: {sha}</source>
        <translation>SHA-256 : {sha}</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="89"/>
        <source>Requisition number: {n}</source>
        <translation>Numéro de la réquisition : {n}</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="89"/>
        <source>none found</source>
        <translation>aucun trouvé</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="91"/>
        <source>Signed by {signer} on {time}{stamp}</source>
        <translation>Signé par {signer} le {time}{stamp}</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="91"/>
        <source> (timestamp server&apos;s time)</source>
        <translation> (heure du serveur d'horodatage)</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="95"/>
        <source>Recorded by CamReq: {recorded}</source>
        <translation>Enregistré par CamReq : {recorded}</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="99"/>
        <source>The requisition is valid.</source>
        <translation>La réquisition est valide.</translation>
    </message>
    <message>
        <location filename="../processing/verify_requisition.py" line="101"/>
        <source>The requisition is NOT valid.</source>
        <translation>La réquisition n'est PAS valide.</translation>
    </message>
</context>
<context>
    <name>vocabulary</name>
    <message>
        <location filename="../core/vocabulary.py" line="68"/>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="69"/>
        <source>Issued, not sent</source>
        <translation>Émise, non envoyée</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="70"/>
        <source>Sent</source>
        <translation>Envoyée</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="71"/>
        <source>Acknowledged</source>
        <translation>Reçue par le propriétaire</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="72"/>
        <source>Footage delivered</source>
        <translation>Images remises</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="73"/>
        <source>No footage</source>
        <translation>Pas d'images</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="74"/>
        <source>Refused</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="75"/>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="81"/>
        <source>Flagrance</source>
        <translation>Flagrance</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="82"/>
        <source>Preliminary investigation</source>
        <translation>Enquête préliminaire</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="83"/>
        <source>Judicial investigation</source>
        <translation>Information judiciaire</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="119"/>
        <source>Fixed</source>
        <translation>Fixe</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="120"/>
        <source>Dome</source>
        <translation>Dôme</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="121"/>
        <source>Panning (PTZ)</source>
        <translation>Mobile (PTZ)</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="122"/>
        <source>Number-plate reader (ANPR/ALPR)</source>
        <translation>Lecture de plaques (LAPI)</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="128"/>
        <source>In service</source>
        <translation>En service</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="129"/>
        <source>Out of order</source>
        <translation>En panne</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="130"/>
        <source>Removed</source>
        <translation>Déposée</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="136"/>
        <source>Continuous</source>
        <translation>Continu</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="137"/>
        <source>On motion</source>
        <translation>Sur détection de mouvement</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="138"/>
        <source>Scheduled</source>
        <translation>Programmé</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="148"/>
        <source>Metropolis</source>
        <translation>Métropole</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="149"/>
        <source>City</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="150"/>
        <source>Département</source>
        <translation>Département</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="151"/>
        <source>Transport operator</source>
        <translation>Exploitant de transport</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="152"/>
        <source>Social landlord</source>
        <translation>Bailleur social</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="153"/>
        <source>Private</source>
        <translation>Privé</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="159"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="160"/>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="161"/>
        <source>None (local relay only)</source>
        <translation>Aucune (relais local uniquement)</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="167"/>
        <source>Investigator</source>
        <translation>Enquêteur</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="168"/>
        <source>Analyst</source>
        <translation>Analyste</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="174"/>
        <source>Footage already overwritten</source>
        <translation>Images déjà effacées</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="175"/>
        <source>Camera out of order</source>
        <translation>Caméra en panne</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="176"/>
        <source>Not recording at the time</source>
        <translation>Pas d'enregistrement à ce moment</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="177"/>
        <source>The camera does not view the place</source>
        <translation>La caméra ne voit pas le lieu</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="194"/>
        <source>High</source>
        <translation>Grave</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="195"/>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="196"/>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="183"/>
        <source>Signed when a certificate is configured</source>
        <translation>Signées quand un certificat est configuré</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.py" line="184"/>
        <source>Always signed: issuing without a certificate is refused</source>
        <translation>Toujours signées : l'émission sans certificat est refusée</translation>
    </message>
</context>
</TS>
