<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>CamReqPlugin</name>
    <message>
        <location filename="../plugin.py" line="54"/>
        <source>CamReq panel</source>
        <translation>Panneau CamReq</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="59"/>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="60"/>
        <source>Install or upgrade the database…</source>
        <translation>Installer ou mettre à jour la base…</translation>
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
    <name>CoreTask</name>
    <message>
        <location filename="../dialogs/tasks.py" line="82"/>
        <source>{task} failed unexpectedly; the details are in the CamReq tab of the log panel.</source>
        <translation>{task} a échoué de façon inattendue ; le détail est dans l'onglet CamReq du journal des messages.</translation>
    </message>
    <message>
        <location filename="../dialogs/tasks.py" line="93"/>
        <source>{task} was cancelled.</source>
        <translation>{task} a été annulée.</translation>
    </message>
</context>
<context>
    <name>FollowupTab</name>
    <message>
        <location filename="../dialogs/followup_tab.py" line="52"/>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="52"/>
        <source>Issued, not sent</source>
        <translation>Émise, non envoyée</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="52"/>
        <source>Sent</source>
        <translation>Envoyée</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="53"/>
        <source>Acknowledged</source>
        <translation>Reçue par le propriétaire</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="53"/>
        <source>Footage delivered</source>
        <translation>Images remises</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="54"/>
        <source>No footage</source>
        <translation>Pas d'images</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="54"/>
        <source>Refused</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="54"/>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="56"/>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="61"/>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="61"/>
        <source>draft {id}</source>
        <translation>brouillon {id}</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="61"/>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="73"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="61"/>
        <source>Purge</source>
        <translation>Effacement</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="61"/>
        <source>Answer by</source>
        <translation>Réponse avant le</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="61"/>
        <source>Case</source>
        <translation>Procédure</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="73"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="73"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.ui" line="70"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="110"/>
        <source>No database chosen yet: open the CamReq settings.</source>
        <translation>Aucune base choisie : ouvrez les paramètres CamReq.</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="120"/>
        <source>CamReq follow-up</source>
        <translation>Suivi CamReq</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="143"/>
        <source>CamReq history</source>
        <translation>Historique CamReq</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="152"/>
        <source>The PDF cannot be opened: {path}</source>
        <translation>Impossible d'ouvrir le PDF : {path}</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="165"/>
        <source>CamReq sending</source>
        <translation>Envoi CamReq</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="174"/>
        <source>Sent {s}, failed {f}, still waiting {p}.</source>
        <translation>Envoyées {s}, en échec {f}, encore en attente {p}.</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="191"/>
        <source>CamReq answer</source>
        <translation>Réponse CamReq</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.py" line="200"/>
        <source>Requisition {n} recorded.</source>
        <translation>Réquisition {n} enregistrée.</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.ui" line="17"/>
        <source>Case number</source>
        <translation>N° de procédure</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.ui" line="6"/>
        <source>Follow-up</source>
        <translation>Suivi</translation>
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
        <location filename="../dialogs/followup_tab.ui" line="61"/>
        <source>Record an answer</source>
        <translation>Enregistrer une réponse</translation>
    </message>
    <message>
        <location filename="../dialogs/followup_tab.ui" line="77"/>
        <source>Record</source>
        <translation>Enregistrer</translation>
    </message>
</context>
<context>
    <name>RequisitionsTab</name>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="91"/>
        <source>Tick at least one camera in the New search tab.</source>
        <translation>Cochez au moins une caméra dans l'onglet Nouvelle recherche.</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="94"/>
        <source>Give the case number (numéro de procédure).</source>
        <translation>Indiquez le numéro de procédure.</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="96"/>
        <source>No database chosen yet: open the CamReq settings.</source>
        <translation>Aucune base choisie : ouvrez les paramètres CamReq.</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="136"/>
        <source>Making the requisitions and their PDFs, then sending them…</source>
        <translation>Création des réquisitions et de leurs PDF, puis envoi…</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="139"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="140"/>
        <source>CamReq requisitions</source>
        <translation>Réquisitions CamReq</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="155"/>
        <source>{n} requisition(s) not sent: they are issued and wait in the outbox; send them again from the Follow-up tab once the problem is solved.</source>
        <translation>{n} réquisition(s) non envoyée(s) : émises, elles attendent dans la file d'envoi ; renvoyez-les depuis l'onglet Suivi une fois le problème réglé.</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="162"/>
        <source>{sent} of {total} requisitions sent.</source>
        <translation>{sent} réquisitions envoyées sur {total}.</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="172"/>
        <source>{n} sent to {owner} &lt;{email}&gt;</source>
        <translation>{n} envoyée à {owner} &lt;{email}&gt;</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="176"/>
        <source>{n} NOT sent: {owner} has no e-mail address; deliver the PDF by hand ({path})</source>
        <translation>{n} NON envoyée : {owner} n'a pas d'adresse électronique ; remettez le PDF en main propre ({path})</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="179"/>
        <source>{n} NOT sent to {owner} &lt;{email}&gt;: {answer}</source>
        <translation>{n} NON envoyée à {owner} &lt;{email}&gt; : {answer}</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="179"/>
        <source>not attempted</source>
        <translation>pas encore tentée</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="45"/>
        <source>Flagrance (art. 60-1 CPP)</source>
        <translation>Flagrance (art. 60-1 CPP)</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="45"/>
        <source>Preliminary (art. 77-1-1 CPP)</source>
        <translation>Préliminaire (art. 77-1-1 CPP)</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="45"/>
        <source>Judicial (art. 99-3 CPP)</source>
        <translation>Information judiciaire (art. 99-3 CPP)</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="54"/>
        <source>Copy of the recordings on a digital medium or by a secure download link</source>
        <translation>Copie des enregistrements sur support numérique ou par lien de téléchargement sécurisé</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="68"/>
        <source>Not set: fill in the officer in the settings.</source>
        <translation>Non renseigné : indiquez l'enquêteur dans les paramètres.</translation>
    </message>
    <message>
        <location filename="../dialogs/requisitions_tab.py" line="75"/>
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
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../dialogs/results_model.py" line="73"/>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="77"/>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="75"/>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="76"/>
        <source>In view</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="74"/>
        <source>Purge in</source>
        <translation>Effacement</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="121"/>
        <source>{metres} m</source>
        <translation>{metres} m</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="125"/>
        <source>purged</source>
        <translation>effacées</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="126"/>
        <source>d</source>
        <translation>j</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="126"/>
        <source>h</source>
        <translation>h</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="126"/>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="132"/>
        <source>Footage purged since {purge}: this recorder keeps {days} days of images. A requisition can no longer obtain it, unless the owner kept a copy.</source>
        <translation>Images effacées depuis le {purge} : cet enregistreur conserve {days} jours d'images. Une réquisition ne peut plus les obtenir, sauf copie conservée par le propriétaire.</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="138"/>
        <source>The camera&apos;s field of view reaches the incident.</source>
        <translation>Le champ de vision de la caméra atteint le lieu des faits.</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="139"/>
        <source>Within the search radius, but its field of view does not reach the incident.</source>
        <translation>Dans le rayon de recherche, mais son champ de vision n'atteint pas le lieu des faits.</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="141"/>
        <source>This owner has no e-mail address: the requisition must be delivered by hand.</source>
        <translation>Ce propriétaire n'a pas d'adresse électronique : la réquisition doit être remise en main propre.</translation>
    </message>
    <message>
        <location filename="../dialogs/results_model.py" line="144"/>
        <source>Footage kept until {purge} ({days} days of retention).</source>
        <translation>Images conservées jusqu'au {purge} ({days} jours de conservation).</translation>
    </message>
</context>
<context>
    <name>SearchTab</name>
    <message>
        <location filename="../dialogs/search_tab.py" line="96"/>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="96"/>
        <source>WGS84 lat lon</source>
        <translation>WGS84 lat lon</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="96"/>
        <source>Lambert-93 X Y</source>
        <translation>Lambert-93 X Y</translation>
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
        <location filename="../dialogs/search_tab.py" line="155"/>
        <source>Click on the map, draw a route or type coordinates.</source>
        <translation>Cliquez sur la carte, tracez un trajet ou saisissez des coordonnées.</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="175"/>
        <source>Route of {count} points, starting {lat:.5f} {lon:.5f}</source>
        <translation>Trajet de {count} points, départ {lat:.5f} {lon:.5f}</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="179"/>
        <source>Incident at {lat:.5f} {lon:.5f}</source>
        <translation>Faits à {lat:.5f} {lon:.5f}</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="226"/>
        <source>Choose the incident first: click on the map, draw a route or type coordinates.</source>
        <translation>Choisissez d'abord le lieu des faits : cliquez sur la carte, tracez un trajet ou saisissez des coordonnées.</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="229"/>
        <source>The end of the incident is before its start: check the times.</source>
        <translation>La fin des faits précède leur début : vérifiez les heures.</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="232"/>
        <source>Give a reason for the search (case or facts): it is written to the log.</source>
        <translation>Indiquez le motif de la recherche (affaire ou faits) : il est inscrit au registre des consultations.</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="234"/>
        <source>No database chosen yet: open the CamReq settings.</source>
        <translation>Aucune base choisie : ouvrez les paramètres CamReq.</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="254"/>
        <source>Searching…</source>
        <translation>Recherche en cours…</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="255"/>
        <source>CamReq camera search</source>
        <translation>Recherche de caméras CamReq</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="279"/>
        <source>{cameras} cameras of {owners} owners; footage still available for {available}.</source>
        <translation>{cameras} caméras de {owners} propriétaires ; images encore disponibles pour {available}.</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="279"/>
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
        <location filename="../dialogs/search_tab.ui" line="50"/>
        <source>Latitude and longitude (WGS84), or Lambert-93 X and Y, then Enter.</source>
        <translation>Latitude et longitude (WGS84), ou X et Y Lambert-93, puis Entrée.</translation>
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
        <location filename="../dialogs/search_tab.ui" line="180"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.ui" line="187"/>
        <source>Case or facts, written to the consultation log</source>
        <translation>Affaire ou faits, inscrits au registre des consultations</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.ui" line="196"/>
        <source>Find the cameras</source>
        <translation>Trouver les caméras</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.py" line="101"/>
        <source>Speed along the route: each camera gets the window centred on when the route passes it, ± {margin:g} minutes. Leave at 0 for one window covering the whole route.</source>
        <translation>Vitesse le long du trajet : chaque caméra reçoit le créneau centré sur l'heure de passage du trajet devant elle, ± {margin:g} minutes. Laisser à 0 pour un seul créneau couvrant tout le trajet.</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.ui" line="157"/>
        <source>Speed (km/h)</source>
        <translation>Vitesse (km/h)</translation>
    </message>
    <message>
        <location filename="../dialogs/search_tab.ui" line="167"/>
        <source>One window for the whole route</source>
        <translation>Un seul créneau pour tout le trajet</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../dialogs/settings_dialog.py" line="28"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.py" line="28"/>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.py" line="28"/>
        <source>None (local relay only)</source>
        <translation>Aucune (relais local uniquement)</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.py" line="32"/>
        <source>Investigator</source>
        <translation>Enquêteur</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.py" line="32"/>
        <source>Analyst</source>
        <translation>Analyste</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="6"/>
        <source>CamReq settings</source>
        <translation>Paramètres CamReq</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="12"/>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="18"/>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="28"/>
        <source>A QGIS PostgreSQL connection (Data Source Manager), or a connection string such as service=camreq</source>
        <translation>Une connexion PostgreSQL de QGIS (gestionnaire des sources de données), ou une chaîne de connexion comme service=camreq</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="38"/>
        <source>Requesting officer</source>
        <translation>Officier requérant</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="44"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="58"/>
        <source>Rank</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="72"/>
        <source>Unit</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="86"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="96"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="106"/>
        <source>Unit address</source>
        <translation>Adresse du service</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="116"/>
        <source>Unit city</source>
        <translation>Ville du service</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="129"/>
        <source>Outgoing mail (SMTP)</source>
        <translation>Courrier sortant (SMTP)</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="135"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="149"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="166"/>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="176"/>
        <source>Credentials</source>
        <translation>Identifiants</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="186"/>
        <source>Sender address</source>
        <translation>Adresse d'expédition</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="199"/>
        <source>Search and display</source>
        <translation>Recherche et affichage</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="205"/>
        <source>Default radius</source>
        <translation>Rayon par défaut</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="228"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.ui" line="235"/>
        <source>Investigator: the CamReq panel only. Analyst: also the registry and database tools.</source>
        <translation>Enquêteur : le panneau CamReq seul. Analyste : aussi les outils du registre et de la base.</translation>
    </message>
</context>
</TS>
