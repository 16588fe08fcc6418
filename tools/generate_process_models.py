#!/usr/bin/env python3
"""Lays out the first version of the cycle's BPMN files and Camunda Forms.

Why a script: 6 processes with ~25 escalation paths need diagram interchange that is
complete and free of overlaps; placing them on a grid by hand is slow and error-prone.
The generated files are the source of truth afterwards: edit them in Camunda Modeler and
do NOT re-run this script over edited files (it overwrites). ProcessModelRulesTest checks
the result either way.

    python3 tools/generate_process_models.py            # writes processes/
    python3 tools/generate_process_models.py --fixtures # also the test-only Kenya variant
"""
import json
import os
import sys
from xml.sax.saxutils import escape

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
COL_W, ROW_H, X0, Y0 = 170, 230, 120, 230
SIZES = {"task": (100, 80), "event": (36, 36), "gateway": (50, 50)}
PM = "programme-managers"
HTTL = "P3650D"
FORM_SCHEMA_VERSION = 16  # form-js bundled with Camunda 7.24's Tasklist (deps.js: schemaVersion=16)


def grp(*roles):
    return ", ".join(PM if r == "pm" else "${countryCode}-" + r for r in roles)


class Proc:
    def __init__(self, key, name, doc):
        self.key, self.name, self.doc = key, name, doc
        self.nodes, self.flows, self.order = {}, [], []

    def node(self, nid, kind, name, col, row, parent=None, **kw):
        n = dict(id=nid, kind=kind, name=name, col=col, row=row, parent=parent, **kw)
        self.nodes[nid] = n
        self.order.append(nid)
        return n

    def flow(self, fid, src, tgt, name=None, cond=None, route=None):
        self.flows.append(dict(id=fid, src=src, tgt=tgt, name=name, cond=cond, route=route))


# ---------------------------------------------------------------- geometry
def shape_of(p, n):
    k = n["kind"]
    if k == "subprocess":
        kids = [shape_of(p, c) for c in p.nodes.values() if c["parent"] == n["id"]]
        x1 = min(b[0] for b in kids) - 40
        y1 = min(b[1] for b in kids) - 90  # room for the loop-back lane
        x2 = max(b[0] + b[2] for b in kids) + 50
        y2 = max(b[1] + b[3] for b in kids) + 40
        return (x1, y1, x2 - x1, y2 - y1)
    if k == "boundary":
        host = shape_of(p, p.nodes[n["attached"]])
        if n.get("side") == "right":
            return (host[0] + host[2] - 18, Y0 + n["row"] * ROW_H - 18, 36, 36)
        return (host[0] + host[2] - 18 - 14, host[1] + host[3] - 18, 36, 36)
    if k == "escalation":
        b = shape_of(p, p.nodes[n["from"]])
        return (b[0], b[1] + 100, 36, 36)
    base = "task" if k in ("userTask", "serviceTask", "callActivity") else ("gateway" if k.endswith("Gateway") else "event")
    w, h = SIZES[base]
    cx, cy = X0 + n["col"] * COL_W, Y0 + n["row"] * ROW_H
    return (cx - w // 2, cy - h // 2, w, h)


def centre(b):
    return (b[0] + b[2] // 2, b[1] + b[3] // 2)


def waypoints(p, f):
    s, t = p.nodes[f["src"]], p.nodes[f["tgt"]]
    sb, tb = shape_of(p, s), shape_of(p, t)
    (sx, sy), (tx, ty) = centre(sb), centre(tb)
    if s["kind"] == "boundary" and t["kind"] == "escalation":
        return [(sx, sb[1] + 36), (tx, tb[1])]
    route = f["route"]
    if route == "loopTop":
        lane = min(sb[1], tb[1]) - 50
        return [(sx, sb[1]), (sx, lane), (tx, lane), (tx, tb[1])]
    if t["kind"] == "subprocess":  # enter on the left border, level with the main row
        return [(sb[0] + sb[2], sy), (tb[0], sy)]
    if sy == ty:
        return [(sb[0] + sb[2], sy), (tb[0], ty)]
    if s["kind"].endswith("Gateway"):
        return [(sx, sb[1] + (sb[3] if ty > sy else 0)), (sx, ty), (tb[0], ty)]
    if t["kind"].endswith("Gateway"):
        return [(sb[0] + sb[2], sy), (tx, sy), (tx, tb[1] + (tb[3] if sy > ty else 0))]
    return [(sb[0] + sb[2], sy), (tx, sy), (tx, tb[1])]


# ---------------------------------------------------------------- XML
def task_xml(n):
    a = [f'id="{n["id"]}"', f'name="{escape(n["name"])}"']
    if n["kind"] == "userTask":
        a += [f'camunda:candidateGroups="{n["groups"]}"', f'camunda:dueDate="${{{n["due"]}}}"',
              f'camunda:formRef="{n["form"]["id"]}"', 'camunda:formRefBinding="latest"']
        body = ('<bpmn:extensionElements>'
                '<camunda:taskListener delegateExpression="${validateTaskInputListener}" event="complete" />'
                '</bpmn:extensionElements>')
        return f'<bpmn:userTask {" ".join(a)}>{body}__FLOWS__</bpmn:userTask>'
    if n["kind"] == "serviceTask":
        a.append(f'camunda:delegateExpression="${{{n["bean"]}}}"')
        return f'<bpmn:serviceTask {" ".join(a)}>__FLOWS__</bpmn:serviceTask>'
    if n["kind"] == "callActivity":
        a += [f'calledElement="{n["called"]}"', 'camunda:calledElementBinding="latest"',
              f'camunda:calledElementTenantId="${{phaseVariants.tenantFor(countryCode, \'{n["called"]}\')}}"']
        body = ('<bpmn:extensionElements>'
                '<camunda:in businessKey="#{execution.processBusinessKey}" />'
                '<camunda:in variables="all" />'
                '<camunda:out variables="all" />'
                '</bpmn:extensionElements>')
        return f'<bpmn:callActivity {" ".join(a)}>{body}__FLOWS__</bpmn:callActivity>'
    raise ValueError(n)


def node_xml(p, n):
    k = n["kind"]
    if k in ("userTask", "serviceTask", "callActivity"):
        x = task_xml(n)
    elif k == "startEvent":
        x = f'<bpmn:startEvent id="{n["id"]}" name="{escape(n["name"])}">__FLOWS__</bpmn:startEvent>'
    elif k == "endEvent":
        x = f'<bpmn:endEvent id="{n["id"]}" name="{escape(n["name"])}">__FLOWS__</bpmn:endEvent>'
    elif k == "escalation":
        x = (f'<bpmn:endEvent id="{n["id"]}" name="{escape(n["name"])}">__FLOWS__'
             f'<bpmn:messageEventDefinition id="{n["id"]}_Message" camunda:delegateExpression="${{escalateOverdueTaskDelegate}}" />'
             '</bpmn:endEvent>')
    elif k == "boundary":
        inter = "" if n.get("interrupting") else ' cancelActivity="false"'
        x = (f'<bpmn:boundaryEvent id="{n["id"]}" name="{escape(n["name"])}"{inter} attachedToRef="{n["attached"]}">__FLOWS__'
             f'<bpmn:timerEventDefinition id="{n["id"]}_Timer"><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${{{n["timer"]}}}</bpmn:timeDate>'
             '</bpmn:timerEventDefinition></bpmn:boundaryEvent>')
    elif k == "timerCatch":
        x = (f'<bpmn:intermediateCatchEvent id="{n["id"]}" name="{escape(n["name"])}">__FLOWS__'
             f'<bpmn:timerEventDefinition id="{n["id"]}_Timer"><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${{{n["timer"]}}}</bpmn:timeDate>'
             '</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>')
    elif k == "parallelGateway":
        x = f'<bpmn:parallelGateway id="{n["id"]}" name="{escape(n["name"] or "")}">__FLOWS__</bpmn:parallelGateway>'
    elif k == "exclusiveGateway":
        x = f'<bpmn:exclusiveGateway id="{n["id"]}" name="{escape(n["name"])}">__FLOWS__</bpmn:exclusiveGateway>'
    elif k == "subprocess":
        kids = "".join(node_xml(p, c) for c in (p.nodes[i] for i in p.order) if c["parent"] == n["id"])
        kflows = "".join(flow_xml(f) for f in p.flows if p.nodes[f["src"]]["parent"] == n["id"])
        x = f'<bpmn:subProcess id="{n["id"]}" name="{escape(n["name"])}">__FLOWS__{kids}{kflows}</bpmn:subProcess>'
    else:
        raise ValueError(k)
    refs = "".join(f'<bpmn:incoming>{f["id"]}</bpmn:incoming>' for f in p.flows if f["tgt"] == n["id"])
    refs += "".join(f'<bpmn:outgoing>{f["id"]}</bpmn:outgoing>' for f in p.flows if f["src"] == n["id"])
    return x.replace("__FLOWS__", refs, 1)


def flow_xml(f):
    name = f' name="{escape(f["name"])}"' if f["name"] else ""
    head = f'<bpmn:sequenceFlow id="{f["id"]}"{name} sourceRef="{f["src"]}" targetRef="{f["tgt"]}"'
    if f["cond"]:
        return head + f'><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{escape(f["cond"])}</bpmn:conditionExpression></bpmn:sequenceFlow>'
    return head + " />"


def write_process(p, directory):
    top = [p.nodes[i] for i in p.order if p.nodes[i]["parent"] is None]
    top_flows = [f for f in p.flows if p.nodes[f["src"]]["parent"] is None]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
           'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
           'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           f'id="Definitions_{pascal(p.key)}" targetNamespace="https://uprflow.org/processes" '
           'exporter="UPR Flow tools/generate_process_models.py" exporterVersion="1">',
           f'<bpmn:process id="{p.key}" name="{escape(p.name)}" isExecutable="true" camunda:historyTimeToLive="{HTTL}">',
           f'<bpmn:documentation>{escape(p.doc)}</bpmn:documentation>']
    out += [node_xml(p, n) for n in top]
    out += [flow_xml(f) for f in top_flows]
    out.append('</bpmn:process>')
    out.append(f'<bpmndi:BPMNDiagram id="BPMNDiagram_{pascal(p.key)}"><bpmndi:BPMNPlane id="BPMNPlane_{pascal(p.key)}" bpmnElement="{p.key}">')
    shapes = []
    for i in p.order:
        n = p.nodes[i]
        b = shape_of(p, n)
        shapes.append((n, b))
        extra = ' isExpanded="true"' if n["kind"] == "subprocess" else ""
        lbl = ""
        if n["kind"] in ("startEvent", "endEvent", "escalation", "boundary", "timerCatch") or n["kind"].endswith("Gateway"):
            lw = 120
            ly = b[1] + b[3] + 4 if n["kind"] != "boundary" or n.get("side") == "right" else b[1] + b[3] + 4
            if n["kind"] == "boundary" and n.get("side") == "right":
                lbl = f'<bpmndi:BPMNLabel><dc:Bounds x="{b[0] + 30}" y="{b[1] - 44}" width="{lw}" height="40" /></bpmndi:BPMNLabel>'
            elif n["kind"] == "boundary":
                lbl = f'<bpmndi:BPMNLabel><dc:Bounds x="{b[0] + 40}" y="{b[1] + 36}" width="{lw}" height="40" /></bpmndi:BPMNLabel>'
            elif n["kind"] == "escalation":
                lbl = f'<bpmndi:BPMNLabel><dc:Bounds x="{b[0] + 42}" y="{b[1] + 4}" width="{lw}" height="40" /></bpmndi:BPMNLabel>'
            elif n["kind"].endswith("Gateway"):
                lbl = f'<bpmndi:BPMNLabel><dc:Bounds x="{b[0] - 35}" y="{b[1] - 34}" width="{lw}" height="27" /></bpmndi:BPMNLabel>'
            else:
                lbl = f'<bpmndi:BPMNLabel><dc:Bounds x="{b[0] + b[2] // 2 - lw // 2}" y="{ly}" width="{lw}" height="40" /></bpmndi:BPMNLabel>'
        out.append(f'<bpmndi:BPMNShape id="{n["id"]}_di" bpmnElement="{n["id"]}"{extra}>'
                   f'<dc:Bounds x="{b[0]}" y="{b[1]}" width="{b[2]}" height="{b[3]}" />{lbl}</bpmndi:BPMNShape>')
    for f in p.flows:
        pts = "".join(f'<di:waypoint x="{x}" y="{y}" />' for x, y in waypoints(p, f))
        out.append(f'<bpmndi:BPMNEdge id="{f["id"]}_di" bpmnElement="{f["id"]}">{pts}</bpmndi:BPMNEdge>')
    out.append('</bpmndi:BPMNPlane></bpmndi:BPMNDiagram></bpmn:definitions>')
    check_overlaps(p, shapes)
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, p.key + ".bpmn"), "w") as fh:
        fh.write(pretty("\n".join(out)))


def check_overlaps(p, shapes):
    def inside(a, b):
        return a[0] >= b[0] and a[1] >= b[1] and a[0] + a[2] <= b[0] + b[2] and a[1] + a[3] <= b[1] + b[3]
    for i, (n1, b1) in enumerate(shapes):
        for n2, b2 in shapes[i + 1:]:
            if n1.get("attached") == n2["id"] or n2.get("attached") == n1["id"]:
                continue
            if inside(b1, b2) or inside(b2, b1):
                continue
            if b1[0] < b2[0] + b2[2] and b2[0] < b1[0] + b1[2] and b1[1] < b2[1] + b2[3] and b2[1] < b1[1] + b1[3]:
                raise SystemExit(f"{p.key}: {n1['id']} overlaps {n2['id']}")


def pretty(text):
    import xml.dom.minidom
    return xml_dom_pretty(xml.dom.minidom.parseString(text))


def xml_dom_pretty(dom):
    text = dom.toprettyxml(indent="  ", encoding="UTF-8").decode()
    return "\n".join(l for l in text.splitlines() if l.strip()) + "\n"


def pascal(key):
    return "".join(w.capitalize() for w in key.split("-"))


# ---------------------------------------------------------------- forms
def form(fid, title, intro, fields):
    comps = [{"type": "text", "id": f"{fid}_intro", "text": f"### {title}\n\n{intro}"}]
    for i, fl in enumerate(fields):
        key, kind, label = fl[0], fl[1], fl[2]
        opts = fl[3] if len(fl) > 3 else {}
        c = {"key": key, "label": label, "id": f"{fid}_{key}"}
        required = opts.get("required", True)
        if kind == "number":
            c.update(type="number", validate={"required": required, "min": opts.get("min", 0)})
            if "max" in opts:
                c["validate"]["max"] = opts["max"]
        elif kind == "date":
            c.update(type="datetime", subtype="date", dateLabel=label, validate={"required": required})
            del c["label"]
        elif kind == "textarea":
            c.update(type="textarea", validate={"required": required})
        elif kind == "text":
            c.update(type="textfield", validate={"required": required})
        elif kind == "url":
            c.update(type="textfield", validate={"required": required, "validationType": "custom",
                                                 "pattern": "^https?://.+"})
        elif kind == "yesno":
            c.update(type="radio", validate={"required": True},
                     values=[{"label": "Yes", "value": "yes"}, {"label": "No", "value": "no"}])
        elif kind == "select":
            c.update(type="select", validate={"required": required},
                     values=[{"label": l, "value": v} for v, l in opts["values"]])
        else:
            raise ValueError(kind)
        if "description" in opts:
            c["description"] = opts["description"]
        comps.append(c)
    return {"id": fid, "title": title, "intro": intro,
            "doc": {"schemaVersion": FORM_SCHEMA_VERSION, "type": "default", "id": fid,
                    "executionPlatform": "Camunda Platform", "executionPlatformVersion": "7.24.0",
                    "exporter": {"name": "UPR Flow tools/generate_process_models.py", "version": "1"},
                    "components": comps}}


def write_form(f, directory):
    with open(os.path.join(directory, f["id"] + ".form"), "w") as fh:
        json.dump(f["doc"], fh, indent=2, ensure_ascii=False)
        fh.write("\n")


# ---------------------------------------------------------------- building blocks
def user_task(p, tid, name, col, row, groups, due, frm, parent=None, escalate=True):
    """A user task with its form and, unless told otherwise, its overdue escalation path."""
    p.node(tid, "userTask", name, col, row, parent, groups=groups, due=due, form=frm)
    if escalate:
        stem = tid[len("Task_"):]
        b = f"BoundaryEvent_{stem}Overdue"
        e = f"EndEvent_{stem}Escalated"
        p.node(b, "boundary", "Overdue", col, row, parent, attached=tid, timer=due)
        p.node(e, "escalation", "Programme manager asked to follow up", col, row, parent, **{"from": b})
        p.flow(f"SequenceFlow_{stem}Overdue", b, e)
    return frm


def chain(p, ids):
    for a, b in zip(ids, ids[1:]):
        p.flow(f"SequenceFlow_{a.split('_', 1)[1]}To{b.split('_', 1)[1]}", a, b)


LINK_NOTE = ("The recommendations and the implementation matrix are edited on their own pages of UPR Flow "
             "(a matrix of 300 recommendations is a page, not a form); complete this task when the work there is done.")


def build():
    procs, forms = [], []

    # ---------------- pre-session
    p = Proc("pre-session", "Pre-session",
             "Phase 2 of the UPR cycle: the CSO stakeholder report (due about seven months before the review), "
             "the pre-session in Geneva organised by the programme manager, and the CSO and NHRI statements made there.")
    p.node("StartEvent_PreSessionStarted", "startEvent", "Pre-session phase started", 0, 0)
    forms.append(user_task(p, "Task_SubmitStakeholderReport", "Submit the stakeholder report", 1, 0, grp("cso"), "stakeholderReportDue",
        form("submit-stakeholder-report", "Submit the stakeholder report",
             "The joint CSO report to the UN on the State under Review, due about seven months before the review.",
             [("stakeholderReportTitle", "text", "Title of the stakeholder report"),
              ("stakeholderReportLink", "url", "Link to the submitted report", {"description": "Address of the PDF as sent to OHCHR (https://...)"}),
              ("stakeholderReportSubmittedOn", "date", "Date submitted to OHCHR"),
              ("stakeholderReportOrganisations", "number", "Number of organisations that signed it", {"min": 1})])))
    forms.append(user_task(p, "Task_OrganisePreSession", "Organise the pre-session", 2, 0, grp("pm"), "preSessionDue",
        form("organise-pre-session", "Organise the pre-session",
             "The pre-session in Geneva, where CSOs and the NHRI brief the diplomats of Recommending States.",
             [("preSessionDate", "date", "Date of the pre-session"),
              ("preSessionPlace", "text", "Place", {"description": "For example: Geneva, Palais des Nations"}),
              ("recommendingStatesAttending", "number", "Recommending States attending", {"min": 0})])))
    p.node("Gateway_StatementsToRecord", "parallelGateway", "", 3, 0)
    forms.append(user_task(p, "Task_RecordCsoStatement", "Record the CSO statement", 4, 0, grp("cso"), "statementsDue",
        form("record-cso-statement", "Record the CSO statement",
             "What the CSO speakers told the Recommending States at the pre-session.",
             [("csoStatementSpeaker", "text", "Speaker (organisation)"),
              ("csoStatementLink", "url", "Link to the statement"),
              ("csoStatementIssues", "textarea", "Main issues raised")])))
    forms.append(user_task(p, "Task_RecordNhriStatement", "Record the NHRI statement", 4, 1, grp("nhri"), "statementsDue",
        form("record-nhri-statement", "Record the NHRI statement",
             "What the national human rights institution told the Recommending States at the pre-session.",
             [("nhriStatementSpeaker", "text", "Speaker"),
              ("nhriStatementLink", "url", "Link to the statement"),
              ("nhriStatementIssues", "textarea", "Main issues raised")])))
    p.node("Gateway_StatementsRecorded", "parallelGateway", "", 5, 0)
    p.node("EndEvent_PreSessionHeld", "endEvent", "Pre-session held", 6, 0)
    chain(p, ["StartEvent_PreSessionStarted", "Task_SubmitStakeholderReport", "Task_OrganisePreSession", "Gateway_StatementsToRecord"])
    p.flow("SequenceFlow_StatementsToRecordCso", "Gateway_StatementsToRecord", "Task_RecordCsoStatement")
    p.flow("SequenceFlow_StatementsToRecordNhri", "Gateway_StatementsToRecord", "Task_RecordNhriStatement")
    p.flow("SequenceFlow_CsoStatementRecorded", "Task_RecordCsoStatement", "Gateway_StatementsRecorded")
    p.flow("SequenceFlow_NhriStatementRecorded", "Task_RecordNhriStatement", "Gateway_StatementsRecorded")
    chain(p, ["Gateway_StatementsRecorded", "EndEvent_PreSessionHeld"])
    procs.append(p)

    # ---------------- review and positions
    p = Proc("review-and-positions", "Review and positions",
             "Phase 3: the recommendations received at the review are registered, the government records the State's "
             "position on each (supported / noted) and the outcome is adopted by the Human Rights Council.")
    p.node("StartEvent_ReviewHeld", "startEvent", "Review held", 0, 0)
    forms.append(user_task(p, "Task_RegisterRecommendations", "Register the recommendations received", 1, 0, grp("pm"), "recommendationsDue",
        form("register-recommendations", "Register the recommendations received",
             "Enter the recommendations from the Working Group report on the Recommendations page. " + LINK_NOTE,
             [("recommendationsReceived", "number", "Number of recommendations received", {"min": 0}),
              ("workingGroupReportLink", "url", "Link to the Working Group report")])))
    forms.append(user_task(p, "Task_RecordPositions", "Record the State's positions", 2, 0, grp("government"), "positionsDue",
        form("record-positions", "Record the State's positions",
             "Record on the Recommendations page whether the State supports or notes each recommendation. " + LINK_NOTE,
             [("recommendationsSupported", "number", "Recommendations supported", {"min": 0}),
              ("recommendationsNoted", "number", "Recommendations noted", {"min": 0})])))
    forms.append(user_task(p, "Task_RecordOutcomeAdoption", "Record the adoption of the outcome", 3, 0, grp("pm"), "adoptionDue",
        form("record-outcome-adoption", "Record the adoption of the outcome",
             "The Human Rights Council adopts the outcome of the review in plenary, about four months after the review.",
             [("outcomeAdoptedOn", "date", "Date of adoption"),
              ("councilSession", "number", "Human Rights Council session", {"min": 1})])))
    p.node("EndEvent_OutcomeAdopted", "endEvent", "Outcome adopted", 4, 0)
    chain(p, ["StartEvent_ReviewHeld", "Task_RegisterRecommendations", "Task_RecordPositions", "Task_RecordOutcomeAdoption", "EndEvent_OutcomeAdopted"])
    procs.append(p)

    # ---------------- coordination meeting
    p = coordination_meeting(forms)
    procs.append(p)

    # ---------------- mid-term report
    p = Proc("mid-term-report", "Mid-term report",
             "Phase 8: the government, the CSOs and the NHRI each contribute; the programme manager compiles "
             "the mid-term report from the matrix and the assessments and publishes it.")
    p.node("StartEvent_MidTermReportStarted", "startEvent", "Mid-term report started", 0, 0)
    p.node("Gateway_ContributionsRequested", "parallelGateway", "", 1, 0)
    for i, (role, who, stem) in enumerate([("government", "government", "Government"), ("cso", "CSOs'", "Cso"), ("nhri", "NHRI", "Nhri")]):
        label = {"government": "Contribute the government's mid-term report", "cso": "Contribute the CSOs' mid-term assessment",
                 "nhri": "Contribute the NHRI's mid-term assessment"}[role]
        forms.append(user_task(p, f"Task_Contribute{stem}MidTermReport", label, 2, i, grp(role), "midTermContributionsDue",
            form(f"contribute-{role}-mid-term-report", label,
                 "Your side's account of implementation since the review, based on the implementation matrix.",
                 [(f"{role}MidTermLink", "url", "Link to the contribution"),
                  (f"{role}MidTermFullyImplemented", "number", "Recommendations fully implemented", {"min": 0}),
                  (f"{role}MidTermPartiallyImplemented", "number", "Recommendations partially implemented", {"min": 0})])))
        p.flow(f"SequenceFlow_Request{stem}Contribution", "Gateway_ContributionsRequested", f"Task_Contribute{stem}MidTermReport")
        p.flow(f"SequenceFlow_{stem}ContributionIn", f"Task_Contribute{stem}MidTermReport", "Gateway_ContributionsIn")
    p.node("Gateway_ContributionsIn", "parallelGateway", "", 3, 0)
    forms.append(user_task(p, "Task_CompileMidTermReport", "Compile the mid-term report", 4, 0, grp("pm"), "midTermCompilationDue",
        form("compile-mid-term-report", "Compile the mid-term report",
             "Combine the three contributions and the implementation matrix into one report.",
             [("midTermDraftLink", "url", "Link to the draft report")])))
    forms.append(user_task(p, "Task_PublishMidTermReport", "Publish the mid-term report", 5, 0, grp("pm"), "midTermReportDue",
        form("publish-mid-term-report", "Publish the mid-term report",
             "The voluntary mid-term report, about two and a half years after the review.",
             [("midTermReportLink", "url", "Link to the published report"),
              ("midTermReportPublishedOn", "date", "Date published")])))
    p.node("EndEvent_MidTermReportPublished", "endEvent", "Mid-term report published", 6, 0)
    chain(p, ["StartEvent_MidTermReportStarted", "Gateway_ContributionsRequested"])
    chain(p, ["Gateway_ContributionsIn", "Task_CompileMidTermReport", "Task_PublishMidTermReport", "EndEvent_MidTermReportPublished"])
    procs.append(p)

    # ---------------- overdue follow-up
    p = Proc("overdue-task-follow-up", "Follow up an overdue task",
             "Started whenever a task of a country's cycle passes its due date, so that the programme manager "
             "follows it up; the overdue task itself stays open with its owners.")
    p.node("StartEvent_TaskOverdue", "startEvent", "Task overdue", 0, 0)
    forms.append(user_task(p, "Task_FollowUpOverdueTask", "Follow up the overdue task", 1, 0, grp("pm"), "followUpDue",
        form("follow-up-overdue-task", "Follow up the overdue task",
             "A task of this country's cycle has passed its due date: **{{overdueTaskName}}** (due {{overdueTaskDue}}, "
             "for {{overdueTaskGroups}}). Contact the people concerned, then record what you did.",
             [("followUpAction", "select", "What did you do?", {"values": [("reminded", "Reminded the people concerned"),
                                                                            ("extended", "Agreed a new date with them"),
                                                                            ("done", "Nothing: the task has been done meanwhile")]}),
              ("followUpNote", "textarea", "Note", {"required": False})]), escalate=False))
    p.node("EndEvent_OverdueTaskFollowedUp", "endEvent", "Overdue task followed up", 2, 0)
    chain(p, ["StartEvent_TaskOverdue", "Task_FollowUpOverdueTask", "EndEvent_OverdueTaskFollowedUp"])
    procs.append(p)

    # ---------------- the cycle
    p = Proc("upr-cycle", "UPR cycle",
             "One country's Universal Periodic Review cycle, from the pre-session to the mid-term report. "
             "Start variables: countryCode, cycleNumber, wgSession, reviewDate (yyyy-MM-dd); due dates are derived "
             "from the review date once, by the Plan the cycle calendar step.")
    p.node("StartEvent_CycleOpened", "startEvent", "Cycle opened", 0, 0)
    p.node("ServiceTask_PlanCycleCalendar", "serviceTask", "Plan the cycle calendar", 1, 0, bean="planCycleCalendarDelegate")
    p.node("CallActivity_PreSession", "callActivity", "Pre-session", 2, 0, called="pre-session")
    p.node("CallActivity_ReviewAndPositions", "callActivity", "Review and positions", 3, 0, called="review-and-positions")
    forms.append(user_task(p, "Task_DraftImplementationPlan", "Draft the implementation plan", 4, 0, grp("cso"), "implementationPlanDue",
        form("draft-implementation-plan", "Draft the implementation plan",
             "At the CSO workshop, cluster the recommendations by theme and draft goals, actions and indicators "
             "on the Implementation matrix page. " + LINK_NOTE,
             [("csoWorkshopDate", "date", "Date of the CSO workshop"),
              ("csoWorkshopPlace", "text", "Place"),
              ("csoWorkshopAttendance", "number", "CSO members attending", {"min": 0}),
              ("indicatorsDrafted", "number", "Indicators drafted", {"min": 0})])))
    p.node("CallActivity_CoordinationMeeting", "callActivity", "Coordination meeting", 5, 0, called="coordination-meeting")
    p.node("ServiceTask_OpenMatrixRound", "serviceTask", "Open a round of the follow-up meeting", 6, 0, bean="openMatrixRoundDelegate")
    forms.append(user_task(p, "Task_RecordFollowUpMeeting", "Record the follow-up meeting", 7, 0, grp("pm"), "matrixDue",
        form("record-follow-up-meeting", "Record the follow-up meeting",
             "The meeting where CSOs and government finalise the implementation matrix together.",
             [("followUpMeetingDate", "date", "Date of the meeting"),
              ("followUpMeetingPlace", "text", "Place"),
              ("followUpCsoAttendance", "number", "CSO members attending", {"min": 0}),
              ("followUpGovernmentAttendance", "number", "Government representatives attending", {"min": 0})])))
    p.node("Gateway_MatrixVerdicts", "parallelGateway", "", 8, 0)
    forms.append(user_task(p, "Task_AgreeMatrixCso", "Agree the implementation matrix (CSOs)", 9, 0, grp("cso"), "matrixDue",
        form("agree-matrix-cso", "Agree the implementation matrix (CSOs)",
             "Do the CSOs agree that the implementation matrix is final? " + LINK_NOTE,
             [("csoAgreesMatrix", "yesno", "The CSOs agree the matrix is final"),
              ("csoMatrixComments", "textarea", "What must change before you agree?", {"required": False})])))
    forms.append(user_task(p, "Task_AgreeMatrixGovernment", "Agree the implementation matrix (government)", 9, 1, grp("government"), "matrixDue",
        form("agree-matrix-government", "Agree the implementation matrix (government)",
             "Does the government agree that the implementation matrix is final? " + LINK_NOTE,
             [("governmentAgreesMatrix", "yesno", "The government agrees the matrix is final"),
              ("governmentMatrixComments", "textarea", "What must change before you agree?", {"required": False})])))
    p.node("Gateway_MatrixVerdictsIn", "parallelGateway", "", 10, 0)
    p.node("Gateway_MatrixAgreed", "exclusiveGateway", "Both sides agree?", 11, 0)
    # the monitoring sub-process: children on their own columns, boundary on its right edge
    p.node("SubProcess_ImplementationMonitoring", "subprocess", "Implementation monitoring", 0, 0)
    p.node("StartEvent_MonitoringStarted", "startEvent", "Matrix final", 12, 0, "SubProcess_ImplementationMonitoring")
    p.node("ServiceTask_OpenReportingRound", "serviceTask", "Open a reporting period", 13, 0, "SubProcess_ImplementationMonitoring", bean="openReportingRoundDelegate")
    forms.append(user_task(p, "Task_ReportProgress", "Report progress on the actions", 14, 0, grp("government"), "progressReportDue",
        form("report-progress", "Report progress on the actions",
             "Each responsible institution updates the status of its actions on the Implementation matrix page. " + LINK_NOTE,
             [("actionsReported", "number", "Actions reported on", {"min": 0}),
              ("progressSummary", "textarea", "Summary of progress")]), parent="SubProcess_ImplementationMonitoring"))
    forms.append(user_task(p, "Task_AssessProgress", "Assess the progress reported", 15, 0, grp("cso", "nhri"), "assessmentDue",
        form("assess-progress", "Assess the progress reported",
             "CSOs and the NHRI give their own view of the progress the government reported.",
             [("assessmentSummary", "textarea", "Your assessment"),
              ("actionsDisputed", "number", "Actions whose reported status you dispute", {"min": 0})]), parent="SubProcess_ImplementationMonitoring"))
    p.node("TimerEvent_NextReportingPeriod", "timerCatch", "Reporting period over", 16, 0, "SubProcess_ImplementationMonitoring", timer="nextReportingRoundOpens")
    p.node("BoundaryEvent_MidTermReportDue", "boundary", "Mid-term report due", 0, 0, attached="SubProcess_ImplementationMonitoring",
           timer="monitoringEnds", interrupting=True, side="right")
    p.node("CallActivity_MidTermReport", "callActivity", "Mid-term report", 18, 0, called="mid-term-report")
    p.node("EndEvent_CycleClosed", "endEvent", "Cycle closed", 19, 0)
    chain(p, ["StartEvent_CycleOpened", "ServiceTask_PlanCycleCalendar", "CallActivity_PreSession", "CallActivity_ReviewAndPositions",
              "Task_DraftImplementationPlan", "CallActivity_CoordinationMeeting", "ServiceTask_OpenMatrixRound",
              "Task_RecordFollowUpMeeting", "Gateway_MatrixVerdicts"])
    p.flow("SequenceFlow_MatrixVerdictCso", "Gateway_MatrixVerdicts", "Task_AgreeMatrixCso")
    p.flow("SequenceFlow_MatrixVerdictGovernment", "Gateway_MatrixVerdicts", "Task_AgreeMatrixGovernment")
    p.flow("SequenceFlow_CsoVerdictIn", "Task_AgreeMatrixCso", "Gateway_MatrixVerdictsIn")
    p.flow("SequenceFlow_GovernmentVerdictIn", "Task_AgreeMatrixGovernment", "Gateway_MatrixVerdictsIn")
    chain(p, ["Gateway_MatrixVerdictsIn", "Gateway_MatrixAgreed"])
    p.flow("SequenceFlow_MatrixAgreedYes", "Gateway_MatrixAgreed", "SubProcess_ImplementationMonitoring", "yes",
           "${csoAgreesMatrix == 'yes' && governmentAgreesMatrix == 'yes'}")
    p.flow("SequenceFlow_MatrixAgreedNo", "Gateway_MatrixAgreed", "ServiceTask_OpenMatrixRound", "no: another round",
           "${csoAgreesMatrix != 'yes' || governmentAgreesMatrix != 'yes'}", route="loopTop")
    chain(p, ["StartEvent_MonitoringStarted", "ServiceTask_OpenReportingRound", "Task_ReportProgress", "Task_AssessProgress",
              "TimerEvent_NextReportingPeriod"])
    p.flow("SequenceFlow_NextReportingPeriod", "TimerEvent_NextReportingPeriod", "ServiceTask_OpenReportingRound", route="loopTop")
    chain(p, ["BoundaryEvent_MidTermReportDue", "CallActivity_MidTermReport", "EndEvent_CycleClosed"])
    procs.append(p)
    return procs, forms


def coordination_meeting(forms, variant=None):
    key = "coordination-meeting"
    p = Proc(key, "Coordination meeting" + (f" ({variant})" if variant else ""),
             "Phase 5, two days: on day 1 the CSO follow-up workshop updates the implementation plan and indicators "
             "while government representatives are trained on the UPR; day 2 is the CSO-government dialogue.")
    p.node("StartEvent_CoordinationMeetingStarted", "startEvent", "Coordination meeting phase started", 0, 0)
    if variant:
        # A test-only country variant: one task, to prove that a tenant's own definition wins.
        forms.append(user_task(p, "Task_RecordCoordinationMeeting", "Record the national coordination meeting", 1, 0, grp("nhri"),
                               "coordinationMeetingDue", form("record-national-coordination-meeting", "Record the national coordination meeting",
                                                              "Variant run by the NHRI.", [("csoAttendance", "number", "CSO members attending", {"min": 0})])))
        p.node("EndEvent_CoordinationMeetingHeld", "endEvent", "Coordination meeting held", 2, 0)
        chain(p, ["StartEvent_CoordinationMeetingStarted", "Task_RecordCoordinationMeeting", "EndEvent_CoordinationMeetingHeld"])
        return p
    forms.append(user_task(p, "Task_PlanCoordinationMeeting", "Plan the coordination meeting", 1, 0, grp("pm"), "coordinationMeetingPlanDue",
        form("plan-coordination-meeting", "Plan the coordination meeting",
             "Fix the two days and the place with the co-organisers (for example the OHCHR country office and the NHRI).",
             [("coordinationMeetingFirstDay", "date", "First day (CSO workshop and government training)"),
              ("coordinationMeetingSecondDay", "date", "Second day (dialogue)"),
              ("coordinationMeetingPlace", "text", "Place")])))
    p.node("Gateway_DayOne", "parallelGateway", "Day 1", 2, 0)
    forms.append(user_task(p, "Task_HoldCsoFollowUpWorkshop", "Update the implementation plan and indicators", 3, 0, grp("cso"), "coordinationMeetingDue",
        form("hold-cso-follow-up-workshop", "Update the implementation plan and indicators",
             "Day 1, CSO follow-up workshop: update the plan and its indicators on the Implementation matrix page. " + LINK_NOTE,
             [("csoWorkshopAttendanceDayOne", "number", "CSO members attending", {"min": 0}),
              ("indicatorsUpdated", "number", "Indicators added or changed", {"min": 0})])))
    forms.append(user_task(p, "Task_HoldGovernmentTraining", "Record the government's UPR training", 3, 1, grp("government"), "coordinationMeetingDue",
        form("hold-government-training", "Record the government's UPR training",
             "Day 1, parallel session: government representatives are trained on the UPR and prepared for the dialogue.",
             [("governmentTrainingAttendance", "number", "Government representatives trained", {"min": 0}),
              ("governmentTrainingTopics", "textarea", "Topics covered")])))
    p.node("Gateway_DayOneDone", "parallelGateway", "", 4, 0)
    forms.append(user_task(p, "Task_RecordDialogue", "Record the CSO-government dialogue", 5, 0, grp("pm"), "coordinationReportDue",
        form("record-dialogue", "Record the CSO-government dialogue",
             "Day 2: the bilateral dialogue between CSOs and government on how to cooperate on implementation.",
             [("dialogueCsoAttendance", "number", "CSO members attending", {"min": 0}),
              ("dialogueGovernmentAttendance", "number", "Government representatives attending", {"min": 0}),
              ("agreedNextSteps", "textarea", "Agreed next steps"),
              ("followUpMeetingPlannedFor", "date", "Follow-up meeting planned for", {"required": False})])))
    p.node("EndEvent_CoordinationMeetingHeld", "endEvent", "Coordination meeting held", 6, 0)
    chain(p, ["StartEvent_CoordinationMeetingStarted", "Task_PlanCoordinationMeeting", "Gateway_DayOne"])
    p.flow("SequenceFlow_DayOneCsoWorkshop", "Gateway_DayOne", "Task_HoldCsoFollowUpWorkshop")
    p.flow("SequenceFlow_DayOneGovernmentTraining", "Gateway_DayOne", "Task_HoldGovernmentTraining")
    p.flow("SequenceFlow_CsoWorkshopHeld", "Task_HoldCsoFollowUpWorkshop", "Gateway_DayOneDone")
    p.flow("SequenceFlow_GovernmentTrainingHeld", "Task_HoldGovernmentTraining", "Gateway_DayOneDone")
    chain(p, ["Gateway_DayOneDone", "Task_RecordDialogue", "EndEvent_CoordinationMeetingHeld"])
    return p


def main():
    procs, forms = build()
    out = os.path.join(ROOT, "processes")
    for p in procs:
        write_process(p, out)
    for f in forms:
        write_form(f, out)
    if "--fixtures" in sys.argv:
        vforms = []
        v = coordination_meeting(vforms, variant="Kenya")
        d = os.path.join(ROOT, "src/test/resources/variants/ke")
        write_process(v, d)
        for f in vforms:
            write_form(f, d)
    print(f"{len(procs)} processes, {len(forms)} forms")


if __name__ == "__main__":
    main()
