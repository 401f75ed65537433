/**
 * The VoxXML document model for JAXB: one class per verb of the v1 document, with every attribute
 * it lists. Attributes left null are not written, so the vendor applies its documented default.
 */
@XmlAccessorType(XmlAccessType.FIELD)
package dev.switchboard.voxtelesys.internal.voxxml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
